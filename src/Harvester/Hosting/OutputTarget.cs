namespace Harvester.Hosting;

/// <summary>
/// Where the result goes: stdout, <c>--out FILE</c> (written whole, atomically) or <c>--append-to DRAFT</c> (its
/// Patches block replaced). Checked before the crawl, so an unwritable path is one line and exit 2 rather than a
/// failure after minutes of requests (Process/OutputProcessTests).
/// </summary>
public sealed class OutputTarget
{
    private readonly bool _draft;

    private OutputTarget(string? path, bool draft, string flag)
    {
        (Path, _draft, Flag) = (path, draft, flag);
    }

    /// <summary>The file written, or null for stdout.</summary>
    public string? Path { get; }

    /// <summary>The flag that named the file, for messages.</summary>
    public string Flag { get; }

    public static OutputTarget From(RunOptions run) =>
        !string.IsNullOrEmpty(run.AppendTo) ? new OutputTarget(run.AppendTo, draft: true, "--append-to")
        : !string.IsNullOrEmpty(run.Out) ? new OutputTarget(run.Out, draft: false, "--out")
        : new OutputTarget(null, draft: false, "stdout");

    /// <summary>Null when the file can be written (and, for a draft, read); else one line saying why not.</summary>
    public string? CheckWritable()
    {
        if (Path is null)
        {
            return null;
        }

        var full = System.IO.Path.GetFullPath(Path);
        if (Directory.Exists(full))
        {
            return $"{Flag} {Path} is a folder; name a file";
        }

        try
        {
            if (File.Exists(full))
            {
                using var stream = new FileStream(full, FileMode.Open, _draft ? FileAccess.ReadWrite : FileAccess.Write, FileShare.ReadWrite);
            }

            // The file is replaced by a rename from a temporary file beside it: the folder must take a new file.
            var folder = System.IO.Path.GetDirectoryName(full)!;
            var existing = folder;
            while (!Directory.Exists(existing))
            {
                if (File.Exists(existing))
                {
                    return $"{Flag} {Path}: {existing} is a file, not a folder";
                }

                existing = System.IO.Path.GetDirectoryName(existing);
                if (existing is null)
                {
                    return $"{Flag} {Path}: no such folder";
                }
            }

            var probe = System.IO.Path.Combine(existing, $".harvester-probe.{Environment.ProcessId}.tmp");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return $"{Flag} {Path} cannot be written: {ex.Message}";
        }
    }

    /// <summary>
    /// Writes the result; a draft's block carries <paramref name="incompleteNote"/> when pages are missing. Returns
    /// null, or the reason the file could not be written (disk full, removed folder): the caller reports it in one line.
    /// </summary>
    public string? Write(string text, string? incompleteNote)
    {
        try
        {
            if (Path is null)
            {
                Console.Out.Write(text);
                Console.Out.Flush();
            }
            else if (_draft)
            {
                var draft = File.Exists(Path) ? File.ReadAllText(Path) : "";
                AtomicFile.Write(Path, DraftSplicer.Splice(draft, incompleteNote is null ? text : incompleteNote + "\n" + text));
            }
            else
            {
                AtomicFile.Write(Path, text);
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }
}
