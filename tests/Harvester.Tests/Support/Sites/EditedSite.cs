namespace Harvester.Tests.Support.Sites;

/// <summary>
/// A fixture site whose pages pass through an edit before they are served: a hostile piece put into one message page,
/// characters written as numeric references (HostilePageProcessTests).
/// </summary>
public sealed class EditedSite(IFixtureSite inner, Func<string, string, string> edit) : IFixtureSite
{
    /// <summary>The page as <paramref name="inner"/> writes it, then edited (given its file name and HTML); null stays a 404.</summary>
    public string? Render(string fileName) => inner.Render(fileName) is { } html ? edit(fileName.TrimStart('/'), html) : null;
}
