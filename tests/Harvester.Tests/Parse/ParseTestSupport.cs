using Harvester.Domain;
using Harvester.Parse;
using Harvester.Tests.Support;

namespace Harvester.Tests.Parse;

/// <summary>Loads page fixtures (fixtures/pages/KIND/NAME.html) and the shared samples, and runs the parsers on them.</summary>
internal static class ParseTestSupport
{
    public static readonly Uri SpinicsRoot = new("https://www.spinics.net/lists/netdev/");
    public static readonly Uri MailArchiveRoot = new("https://www.mail-archive.com/netdev@vger.kernel.org/");

    public static string Page(string kind, string name) => File.ReadAllText(Paths.Fixture("pages", kind, name));

    public static string SharedSample(string name) => File.ReadAllText(Path.Combine(Paths.Shared, "archive-html", name));

    public static MailMessage SpinicsMessage(string html, string file = "msg434497.html") =>
        Ok(new SpinicsMessagePageParser().Parse(new FetchedPage("spinics", "spinics", new Uri(SpinicsRoot, file), html)));

    public static MailMessage MailArchiveMessage(string html, string file = "msg302216.html") =>
        Ok(new MailArchiveMessagePageParser().Parse(new FetchedPage("mail-archive", "mail-archive", new Uri(MailArchiveRoot, file), html)));

    public static IndexPage SpinicsIndex(string html, string file = "maillist.html") =>
        Ok(new SpinicsIndexPageParser().Parse("spinics", new Uri(SpinicsRoot, file), html));

    public static IndexPage MailArchiveIndex(string html, string file = "maillist.html") =>
        Ok(new MailArchiveIndexPageParser().Parse("mail-archive", new Uri(MailArchiveRoot, file), html));

    public static T Ok<T>(ParseOutcome<T> outcome)
        where T : class
    {
        Assert.True(outcome.Succeeded, "parse failed: " + outcome.Error);
        return outcome.Value!;
    }
}
