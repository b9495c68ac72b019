namespace Harvester.Domain;

/// <summary>The time span a harvest covers: <see cref="From"/> inclusive, <see cref="To"/> exclusive, both UTC.</summary>
public sealed record HarvestWindow(DateTimeOffset From, DateTimeOffset To)
{
    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;
}
