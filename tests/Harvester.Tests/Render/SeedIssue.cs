using Harvester.Domain;
using Harvester.Render;
using Harvester.Tests.Support;
using static Harvester.Tests.Render.Some;

namespace Harvester.Tests.Render;

/// <summary>
/// The series of the seed issue 03's "Patches" section (<c>/work/shared/seeds/000_ed41dd5c72a7ab7f.txt</c>), typed in by
/// hand from the seed: raw subjects (no escaping, no backticks), authors and each message's one archive link. Two fixes:
/// nfp part 3/9 has its own page msg168359 (the seed repeats 2/9's link) and part 1/3 of the MAP series reads
/// <c>1&lt;&lt;16</c> without the blog's stray <c>data-preserve-html-node</c> text. Dates are made up so that the
/// default author order gives the seed's order (authors by their first series, each author's series by date), with
/// the authors' series interleaved in time.
/// </summary>
internal static class SeedIssue
{
    public const string Footer = "Please note that netdev receives a lot of patches and the list above is not meant to be comprehensive.";

    public static OutputOptions Options() => new()
    {
        PreferredArchives = ["MailArchive", "Spinics"],
        Order = "author",
        Footer = Footer,
    };

    /// <summary>The seed's section (from <c>## Patches</c> to the footer line) read in place, with the two fixes applied.</summary>
    public static string ExpectedSection()
    {
        var text = File.ReadAllText(Path.Combine(Paths.Shared, "seeds", "000_ed41dd5c72a7ab7f.txt"));
        var start = text.IndexOf("## Patches\n", StringComparison.Ordinal);
        var end = text.IndexOf("Happy eBPF hacking!", start, StringComparison.Ordinal);
        var section = text[start..end].TrimEnd() + "\n";
        section = ReplaceOnce(section, " data-preserve-html-node=\"true\"", "");
        return ReplaceOnce(
            section,
            "nfp: support LSO2 capability](https://www.mail-archive.com/netdev@vger.kernel.org/msg168357.html)",
            "nfp: support LSO2 capability](https://www.mail-archive.com/netdev@vger.kernel.org/msg168359.html)");
    }

    public static HarvestReport Report(IEnumerable<SeriesDecision>? series = null) => new()
    {
        Window = new HarvestWindow(Monday, Monday.AddDays(10)),
        Series = (series ?? All()).ToList(),
    };

    public static IReadOnlyList<SeriesDecision> All() =>
    [
        Relevant(Daniel1()), Relevant(Daniel2()), Relevant(Daniel3()), Relevant(David1()), Relevant(David2()),
        Relevant(Andy()), Relevant(Jakub()),
    ];

    private static string ReplaceOnce(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(old, at + 1, StringComparison.Ordinal) < 0, "expected exactly one: " + old);
        return text[..at] + replacement + text[(at + old.Length)..];
    }

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2017, 5, day, hour, minute, 0, TimeSpan.Zero);

    private static PatchSeries Daniel1() => Series("Daniel Borkmann",
        Message("[PATCH net] bpf, arm64: fix faulty emission of map access in tail calls", At(10, 10), MailArchive(167864)));

    private static PatchSeries Daniel2() => Series("Daniel Borkmann",
        Message("[PATCH net v2 0/2] Two generic xdp related follow-ups", At(11, 9), MailArchive(167982)),
        Message("[PATCH net v2 1/2] xdp: add flag to enforce driver mode", At(11, 9, 1), MailArchive(167984)),
        Message("[PATCH net v2 2/2] xdp: refine xdp api with regards to generic xdp", At(11, 9, 1), MailArchive(167983)));

    private static PatchSeries Daniel3() => Series("Daniel Borkmann",
        Message("[PATCH iproute2 -master 0/2] Two misc BPF updates", At(12, 12), Spinics(434904)),
        Message("[PATCH iproute2 -master 1/2] bpf: update printing of generic xdp mode", At(12, 12, 1), Spinics(434905)),
        Message("[PATCH iproute2 -master 2/2] bpf: dump error to the user when retrieving pinned prog fails", At(12, 12, 1), Spinics(434903)));

    private static PatchSeries David1() => Series("David Miller",
        Message("[PATCH v2 0/7] bpf: Add alignment tracker to verifier.", At(10, 22), Spinics(434707)),
        Message("[PATCH v2 1/7] bpf: Track alignment of register values in the verifier.", At(10, 22, 1), Spinics(434708)),
        Message("[PATCH v2 2/7] bpf: Do per-instruction state dumping in verifier when log_level > 1.", At(10, 22, 1), Spinics(434709)),
        Message("[PATCH v2 3/7] bpf: Add strict alignment flag for BPF_PROG_LOAD.", At(10, 22, 1), Spinics(434710)),
        Message("[PATCH v2 4/7] bpf: Add bpf_verify_program() to the library.", At(10, 22, 1), Spinics(434711)),
        Message("[PATCH v2 5/7] bpf: Add verifier test case for alignment.", At(10, 22, 2), Spinics(434715)),
        Message("[PATCH v2 6/7] bpf: Make use of alignment information in check_val_ptr_alignment().", At(10, 22, 2), Spinics(434713)),
        Message("[PATCH v2 7/7] bpf: Adjust test_verifier for alignment changes.", At(10, 22, 2), Spinics(434714)));

    private static PatchSeries David2() => Series("David Miller",
        Message("[PATCH v2 0/3] bpf: Track MAP pointer alignment", At(14, 2), Spinics(435073)),
        Message("[PATCH v2 1/3] bpf: Use 1<<16 as ceiling for immediate alignment in verifier.", At(14, 2, 1), Spinics(435074)),
        Message("[PATCH v2 2/3] bpf: Track alignment of MAP pointers in verifier.", At(14, 2, 1), Spinics(435071)),
        Message("[PATCH v2 3/3] bpf: Update MAP test_verifier.c tests wrt. alignment.", At(14, 2, 1), Spinics(435072)));

    private static PatchSeries Andy() => Series("Andy Gospodarek",
        Message("[PATCH net] samples/bpf: run cleanup routines when receiving SIGTERM", At(11, 15), Spinics(434761)));

    private static PatchSeries Jakub() => Series("Jakub Kicinski",
        Message("[PATCH net-next 0/9] nfp: LSO, checksum and XDP datapath updates", At(15, 18), MailArchive(168356)),
        Message("[PATCH net-next 1/9] nfp: don't enable TSO on the device when disabled", At(15, 18, 1), MailArchive(168358)),
        Message("[PATCH net-next 2/9] nfp: rename l4_offset in struct nfp_net_tx_desc to lso_hdrlen", At(15, 18, 1), MailArchive(168357)),
        Message("[PATCH net-next 3/9] nfp: support LSO2 capability", At(15, 18, 1), MailArchive(168359)),
        Message("[PATCH net-next 4/9] nfp: don't assume RSS and IRQ moderation are always enabled", At(15, 18, 1), MailArchive(168360)),
        Message("[PATCH net-next 5/9] nfp: version independent support for chained RSS metadata", At(15, 18, 1), MailArchive(168355)),
        Message("[PATCH net-next 6/9] nfp: add CHECKSUM_COMPLETE support", At(15, 18, 2), MailArchive(168354)),
        Message("[PATCH net-next 7/9] nfp: complete the XDP TX ring only when it's full", At(15, 18, 2), MailArchive(168361)),
        Message("[PATCH net-next 8/9] nfp: add a helper for wrapping descriptor index", At(15, 18, 2), MailArchive(168362)),
        Message("[PATCH net-next 9/9] nfp: eliminate an if statement in calculation of completed frames", At(15, 18, 2), MailArchive(168353)));
}
