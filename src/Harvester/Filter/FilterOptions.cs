namespace Harvester.Filter;

/// <summary>
/// Options of the Filter stage (<c>Harvester:Filter</c>): the relevance rules. The shipped defaults live in
/// <c>config/filter.json</c> (lists are empty here so that configuration binding, which appends to existing lists,
/// never doubles them); the scalar defaults below apply when the file leaves them out.
/// </summary>
public sealed class FilterOptions
{
    /// <summary>
    /// Words that make a subject relevant, matched as whole words, case-insensitively; a word is a run of letters,
    /// digits and <c>_</c>, so <c>samples/bpf</c> and <c>bpf-next</c> hold the word <c>bpf</c> but <c>tcp_bpf</c> does
    /// not. A trailing <c>*</c> matches a prefix (<c>bpf_*</c>), a leading one a suffix (<c>*_bpf</c>); several
    /// words make a phrase (<c>tail call*</c>). Default: see <c>config/filter.json</c>.
    /// </summary>
    public List<string> Words { get; set; } = [];

    /// <summary>
    /// Phrases whose words never count in a subject, though a word of theirs is in <see cref="Words"/>: a way to keep an
    /// ambiguous word such as <c>verifier</c> (the BPF verifier) without taking in <c>macsec: fix ICV verifier ...</c>
    /// (fixture <c>relevance/irrelevant/macsec-verifier.mbox</c>). Matched case-insensitively, as words.
    /// Default: see <c>config/filter.json</c>.
    /// </summary>
    public List<string> SubjectExclusions { get; set; } = [];

    /// <summary>Tree prefixes that make a series relevant (<c>bpf</c>, <c>bpf-next</c>, <c>bpf-next/net</c>), case-insensitive.</summary>
    public List<string> Trees { get; set; } = [];

    /// <summary>
    /// Words that make a commit message (or cover letter text) relevant, same syntax as <see cref="Words"/>. Only the
    /// message counts: not quoted text, trailers, addresses, URLs, the shortlog, the diffstat or the diff. Narrower
    /// than <see cref="Words"/> (no <c>verifier</c>, no <c>tail call</c>). Default: see <c>config/filter.json</c>.
    /// </summary>
    public List<string> BodyWords { get; set; } = [];

    /// <summary>
    /// A changed file under one of <see cref="DriverPaths"/> whose path holds one of these (case-insensitive
    /// substring of a path segment) is BPF's, e.g. <c>ice_xsk.c</c>, <c>mlx5/core/en/xsk/rx.c</c>. Default <c>xdp</c>, <c>xsk</c>.
    /// </summary>
    public List<string> DriverFileWords { get; set; } = [];

    /// <summary>Path prefixes where <see cref="DriverFileWords"/> apply. Default <c>drivers/</c>.</summary>
    public List<string> DriverPaths { get; set; } = [];

    /// <summary>
    /// Trailer keys whose lines are not commit message (besides any <c>*-by</c> key), case-insensitive.
    /// Default: Cc, To, From, Link, Fixes, Closes, BugLink, Message-ID, Change-Id, Subject, Date.
    /// </summary>
    public List<string> TrailerKeys { get; set; } = [];

    /// <summary>Pull requests never count and a pull-request series is dropped.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ExcludePullRequests { get; set; } = true;

    /// <summary>Messages that are replies (<c>Re:</c>) never count.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ExcludeReplies { get; set; } = true;

    /// <summary>Match changed files against the MAINTAINERS patterns (<c>config/bpf-maintainers.json</c>).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool UseDiffstat { get; set; } = true;

    /// <summary>Match git's shortened diffstat paths (<c>.../bpf/verifier.c</c>) by suffix where unambiguous.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool MatchShortenedPaths { get; set; } = true;

    /// <summary>Give dropped series <c>near miss: ...</c> reasons (a word seen only in Cc, quotes or the diff).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ExplainNearMisses { get; set; } = true;
}
