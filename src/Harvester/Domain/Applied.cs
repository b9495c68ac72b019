namespace Harvester.Domain;

/// <summary>One row of the bot's summary: the patch's title and its commit link, or no link (<c>(no matching commit)</c>).</summary>
public sealed record AppliedCommit(string Title, Uri? Url);

/// <summary>Where a series went: the tree (<c>bpf/bpf-next.git</c>), the branch (<c>master</c>) and who applied it, if said.</summary>
public sealed record AppliedTo(string Tree, string Branch, string? By)
{
    /// <summary>The tree's short name as the newsletter writes it: <c>bpf/bpf-next.git</c> is <c>bpf-next</c>.</summary>
    public string ShortTree
    {
        get
        {
            var name = Tree[(Tree.LastIndexOf('/') + 1)..];
            return name.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
        }
    }
}

/// <summary>
/// One patchwork bot reply of the window ("This series was applied to …"), read from its body, and the series of this
/// harvest it answers (<see cref="SeriesId"/>), or null with the reason in <see cref="Match"/>.
/// </summary>
public sealed record AppliedNotice
{
    /// <summary>The reply's subject (<c>Re: [PATCH bpf-next v2 0/3] …</c>).</summary>
    public required string Subject { get; init; }

    public required DateTimeOffset Date { get; init; }

    public required AppliedTo To { get; init; }

    /// <summary>Whom the bot's reply is addressed to (<see cref="MailMessage.Recipient"/>: the series' author), or null.</summary>
    public string? Recipient { get; init; }

    /// <summary>True for "This series was applied", false for "This patch was applied".</summary>
    public bool IsSeries { get; init; }

    /// <summary>The Message-ID it answers (its In-Reply-To), or null.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>The Id of the series of this harvest it answers, or null.</summary>
    public string? SeriesId { get; init; }

    /// <summary>How it was matched, or why it was not (for <c>--explain</c>).</summary>
    public string Match { get; init; } = "";

    public IReadOnlyList<AppliedCommit> Commits { get; init; } = [];

    /// <summary>Shown in the Markdown "Applied" list: it answers a listed BPF/XDP series, or an older one that is BPF/XDP.</summary>
    public bool Listed { get; init; }

    /// <summary>The bot reply's own archive pages.</summary>
    public required IReadOnlyList<ArchiveLink> Links { get; init; }
}
