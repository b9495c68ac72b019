namespace Harvester.Parse;

/// <summary>
/// The names of the fields the pipeline needs from a page, as <see cref="ParseOutcome{T}.Missing"/>, the drift error and
/// <c>harvester check</c> name them.
/// </summary>
public static class PageFields
{
    public const string MessageId = "Message-ID";
    public const string Subject = "subject";
    public const string Author = "author";
    public const string Date = "date";
    public const string Body = "body";
    public const string References = "In-Reply-To/References";
    public const string Diffstat = "diffstat";

    public const string Entries = "index entries";
    public const string Number = "number";
    public const string Dates = "dates";
    public const string NextPage = "next-page link";

    /// <summary>What a message page must give, in the order they are reported.</summary>
    public static readonly IReadOnlyList<string> MessageRequired = [MessageId, Subject, Author, Date, Body];
}
