using System.Text.RegularExpressions;

namespace Harvester.Tests.Support.Sites;

/// <summary>
/// A fixture site whose template changed the way sites change without notice (issue 16): the same archive rendered by
/// <see cref="SpinicsFixtureSite"/> or <see cref="MailArchiveFixtureSite"/>, then rewritten page by page. Each variant
/// names what changed; the parsers must report the fields that went missing, never read the changed page as if nothing
/// happened. Used by EndToEnd/LayoutDriftRunTests and the check tests.
/// </summary>
public sealed partial class ChangedLayoutSite(IFixtureSite inner, string change, Func<string, string, string> rewrite) : IFixtureSite
{
    /// <summary>What changed, for test output.</summary>
    public string Change => change;

    public string? Render(string fileName) => inner.Render(fileName) is { } html ? rewrite(fileName, html) : null;

    public override string ToString() => change;

    /// <summary>
    /// spinics: the payload marker comments renamed (<c>&lt;!--X-Subject: ...--&gt;</c> → <c>&lt;!--MH-Subject: ...--&gt;</c>,
    /// X-Message-Id and X-Reference alike) and the visible Subject, In-reply-to and References labels renamed; From and
    /// Date keep theirs. Before issue 16 a harvest read this as a good page: the URL as Message-ID, the title as subject.
    /// </summary>
    public static ChangedLayoutSite SpinicsMarkersAndLabelsRenamed(FixtureArchive archive) =>
        new(new SpinicsFixtureSite(archive), "spinics: marker comments and labels renamed", (file, html) =>
            !file.StartsWith("msg", StringComparison.Ordinal)
                ? html
                : PayloadComment().Replace(html, "<!--MH-${name}: ")
                    .Replace("<li><em>Subject</em>:", "<li><em>Topic</em>:", StringComparison.Ordinal)
                    .Replace("<li><em>In-reply-to</em>:", "<li><em>Reply-to-id</em>:", StringComparison.Ordinal)
                    .Replace("<li><em>References</em>:", "<li><em>Refs</em>:", StringComparison.Ordinal));

    /// <summary>
    /// spinics: the date index list moved into a table (<c>&lt;tr&gt;&lt;td&gt;&lt;a name href&gt;</c> rows instead of
    /// MHonArc's <c>&lt;li&gt;&lt;strong&gt;&lt;a&gt;</c>). Before issue 16 every page parsed to zero entries and the
    /// harvest printed an empty section with exit 0.
    /// </summary>
    public static ChangedLayoutSite SpinicsIndexMoved(FixtureArchive archive) =>
        new(new SpinicsFixtureSite(archive), "spinics: date index list moved into a table", (file, html) =>
            file.StartsWith("msg", StringComparison.Ordinal)
                ? html
                : SpinicsEntry().Replace(html, "<tr><td><a ${link}</a></td>\n<td>${from}</td></tr>\n")
                    .Replace("<hr>\n<ul>\n<tr>", "<hr>\n<table>\n<tr>", StringComparison.Ordinal));

    /// <summary>mail-archive: the message head's CSS class renamed (<c>div.msgHead</c> → <c>div.message-head</c>).</summary>
    public static ChangedLayoutSite MailArchiveHeadClassRenamed(FixtureArchive archive) =>
        new(new MailArchiveFixtureSite(archive), "mail-archive: CSS class msgHead renamed", (file, html) =>
            file.StartsWith("msg", StringComparison.Ordinal)
                ? html.Replace("class=\"msgHead\"", "class=\"message-head\"", StringComparison.Ordinal)
                : html);

    /// <summary>mail-archive: the date index list moved out of <c>div#indexcontent</c> (the div renamed <c>listcontent</c>).</summary>
    public static ChangedLayoutSite MailArchiveIndexMoved(FixtureArchive archive) =>
        new(new MailArchiveFixtureSite(archive), "mail-archive: date index list moved out of div#indexcontent", (file, html) =>
            file.StartsWith("msg", StringComparison.Ordinal)
                ? html
                : html.Replace("<div id=\"indexcontent\">", "<div id=\"listcontent\">", StringComparison.Ordinal));

    [GeneratedRegex(@"<!--X-(?<name>[A-Za-z][\w-]*): ")]
    private static partial Regex PayloadComment();

    [GeneratedRegex(@"<li><strong><a (?<link>name=""\d+"" href=""msg\d+\.html"">.*?)</a></strong>\n<ul><li><em>From</em>: (?<from>.*?)</li></ul>\n</li>\n")]
    private static partial Regex SpinicsEntry();
}
