using Harvester.Crawl;
using Harvester.Domain;

namespace Harvester.Parse;

/// <summary>What Parse made of one source's pages: the window's messages, and those read outside it.</summary>
/// <param name="Probes">Pages outside the window read to steer a walk (<see cref="ReadPurpose.Probe"/>): part of the request floor.</param>
public sealed record ParsedSource(string Archive, IReadOnlyList<MailMessage> Messages, IReadOnlyList<MailMessage> Outside, int Probes, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// The Parse stage: turns the message pages a source read into messages, each page parsed once per run (the
/// <see cref="MessageReader"/> remembers an outcome; a walk that needed a page's date to steer by shares it). A message
/// whose Date lies outside the window is kept apart: never listed, but known to later sources so they need not fetch it.
/// </summary>
public sealed class ParseStage(MessageReader reader, MailboxReader? mailboxes = null)
{
    private readonly MailboxReader _mailboxes = mailboxes ?? new MailboxReader();

    public ParsedSource Parse(SourceResult source, HarvestWindow window)
    {
        var messages = new List<MailMessage>();
        var outside = new List<MailMessage>();
        var diagnostics = new List<Diagnostic>();
        var probes = 0;
        foreach (var document in source.Documents)
        {
            var outcome = reader.Read(document.Page);
            if (!outcome.Succeeded)
            {
                diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, document.Page.Url.AbsoluteUri, "unparseable message page, skipped: " + outcome.Error));
            }
            else if (window.Contains(outcome.Value!.Date))
            {
                messages.Add(outcome.Value);
            }
            else
            {
                outside.Add(outcome.Value);
                probes += document.Purpose == ReadPurpose.Probe ? 1 : 0;
            }
        }

        foreach (var mailbox in source.Mailboxes)
        {
            // A public-inbox result: every mail of its list for the days asked, a day more on each side.
            var read = _mailboxes.Read(mailbox);
            var level = read.Failed ? DiagnosticLevel.Error : DiagnosticLevel.Warning;
            diagnostics.AddRange(read.Problems.Select(p => new Diagnostic(level, mailbox.Url.AbsoluteUri, p)));
            foreach (var message in read.Messages)
            {
                (window.Contains(message.Date) ? messages : outside).Add(message);
            }
        }

        return new ParsedSource(source.Archive, messages, outside, probes, diagnostics);
    }
}
