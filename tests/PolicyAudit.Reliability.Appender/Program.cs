using PolicyAudit.Reliability.Appender;
using System.Globalization;
using PolicyAudit;

// Usage: dotnet PolicyAudit.Reliability.Appender.dll STORE THREADS COUNT_PER_THREAD PREFIX
//   STORE: an SQLite file, or a PostgreSQL connection string (Host=...).
//   COUNT_PER_THREAD: 0 appends until the process is killed.
//   PREFIX: makes override ids unique across processes.
// Prints "READY" once the store is open, then "ACK <overrideId> <sequence> <hash>" for each override, only after the
// append returned (the override is durable), flushed at once: a line the parent read is an acknowledged override.
if (args.Length != 4
    || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var threads) || threads < 1
    || !int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var perThread))
{
    Console.Error.WriteLine("usage: appender STORE THREADS COUNT_PER_THREAD PREFIX");
    return 2;
}

var (storeName, prefix) = (args[0], args[3]);
var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
var outputGate = new object();
void Say(string line)
{
    lock (outputGate)
    {
        output.WriteLine(line);
        output.Flush();
    }
}

await using var store = await AppenderStore.OpenAsync(storeName);
Say("READY");
var workers = Enumerable.Range(0, threads).Select(thread => Task.Run(async () =>
{
    for (var i = 0; perThread == 0 || i < perThread; i++)
    {
        var record = AppenderOverride.Create($"{prefix}-t{thread}-{i}", DateTimeOffset.UtcNow);
        var link = await store.AppendOverrideAsync(record);
        Say($"ACK {record.Id} {link.Sequence.ToString(CultureInfo.InvariantCulture)} {link.Hash}");
    }
})).ToArray();
await Task.WhenAll(workers);
Say("DONE");
return 0;
