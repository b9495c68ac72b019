using Harvester.Crawl;

namespace Harvester.Hosting.Progress;

/// <summary>An archive source with its progress shown while it reads (wraps any <see cref="IArchiveSource"/>).</summary>
public sealed class ProgressSource(IArchiveSource inner, HarvestProgress progress) : IArchiveSource
{
    public string Archive => inner.Archive;

    public Task<SourceResult> ReadAsync(SourceRequest request, CancellationToken cancellationToken) =>
        progress.TrackAsync(inner.Archive, request.Window, () => inner.ReadAsync(request, cancellationToken), result => !result.Failed);
}
