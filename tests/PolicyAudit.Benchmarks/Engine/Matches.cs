namespace PolicyAudit.Benchmarks.Engine;

/// <summary>Counts rule firings, so a benchmark's result depends on every match (and none is optimised away).</summary>
public static class Matches
{
    private static long s_count;

    public static long Count => Interlocked.Read(ref s_count);

    public static void Add() => Interlocked.Increment(ref s_count);
}
