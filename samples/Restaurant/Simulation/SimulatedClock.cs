namespace Restaurant.Simulation;

/// <summary>The evening's clock: it shows whatever time the simulation has reached. Thread-safe.</summary>
internal sealed class SimulatedClock : TimeProvider
{
    private long _utcTicks;

    public SimulatedClock(DateTimeOffset start) => Set(start);

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Set(DateTimeOffset at) => Interlocked.Exchange(ref _utcTicks, at.UtcTicks);
}
