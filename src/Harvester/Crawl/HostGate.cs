namespace Harvester.Crawl;

/// <summary>
/// What everything that talks to one host shares: its throttle (politeness), its circuit (give up on a dead host) and
/// the clock both run on. Two archives on one host share one gate.
/// </summary>
public sealed record HostGate(HostThrottle Throttle, HostCircuit Circuit, TimeProvider Time);
