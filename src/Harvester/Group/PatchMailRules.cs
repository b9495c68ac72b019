using System.Text.RegularExpressions;
using Harvester.Domain;

namespace Harvester.Group;

/// <summary>What a mail is to the grouper.</summary>
internal enum MailKind
{
    /// <summary>A cover letter or a patch: it becomes part of a series.</summary>
    Patch,

    /// <summary>A pull request (<c>[GIT PULL]</c> ...): listed apart, never a patch.</summary>
    PullRequest,

    /// <summary>A reply, forward, discussion, review or CI report: not grouped.</summary>
    Ignored,
}

/// <summary>
/// The rules that decide whether a mail can become a patch, each small and named so a test can point at it.
/// Covered by <c>SeriesGrouperRuleTests</c> and the fixtures <c>bugs-ci-bot-and-acks.mbox</c>.
/// </summary>
internal static partial class PatchMailRules
{
    public static MailKind Classify(MailMessage message, PatchSubject subject)
    {
        if (IsReplyOrForward(subject))
        {
            return MailKind.Ignored;
        }

        if (subject.IsPullRequest)
        {
            return MailKind.PullRequest;
        }

        if (!subject.IsPatch || IsFromCiBot(message) || IsReviewOnly(message.Body))
        {
            return MailKind.Ignored;
        }

        return MailKind.Patch;
    }

    /// <summary>"Re:" reviews and "Fwd:" forwards quote a patch's subject but are not patches (bugs-multiple-content-types.mbox).</summary>
    public static bool IsReplyOrForward(PatchSubject subject) => subject.IsReply || subject.IsForward;

    /// <summary>
    /// CI and robot senders: patchwork-bot+netdevbpf@kernel.org ("This series was applied"), kernel test robot
    /// (lkp@intel.com, which also mails "[PATCH] ...cocci fixes"), syzbot, KernelCI, LKFT. Seen on netdev/bpf.
    /// </summary>
    public static bool IsFromCiBot(MailMessage message) =>
        BotName().IsMatch(message.Author) || (message.AuthorAddress is { } a && BotAddress().IsMatch(a));

    /// <summary>
    /// A mail whose own (unquoted) lines are only trailers such as <c>Acked-by:</c>/<c>Reviewed-by:</c>: a review
    /// sent with the patch's subject but without "Re:" (seen from some mailers on netdev).
    /// </summary>
    public static bool IsReviewOnly(string body)
    {
        var trailers = 0;
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.Trim();
            if (line == "--")
            {
                break; // signature
            }

            if (line.Length == 0 || line.StartsWith('>') || WroteLine().IsMatch(line))
            {
                continue;
            }

            if (!Trailer().IsMatch(line))
            {
                return false;
            }

            trailers++;
        }

        return trailers > 0;
    }

    [GeneratedRegex(@"\b(?:robot|bot|syzbot|kernelci|lkft)\b|patchwork-bot|functional testing", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex BotName();

    [GeneratedRegex(@"(?:bot[+@-]|^lkp@intel\.com$|syzbot|kernelci|noreply@)", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex BotAddress();

    [GeneratedRegex(@"^(?:Acked|Reviewed|Tested|Reported)-by:\s*\S", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Trailer();

    [GeneratedRegex(@"^On .*wrote:$", RegexOptions.NonBacktracking)]
    private static partial Regex WroteLine();
}
