using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PolicyAudit;
using PolicyAudit.Reliability.Appender;

// Usage: dotnet PolicyAudit.Reliability.Appender.dll STORE THREADS COUNT_PER_THREAD PREFIX
//   STORE: an SQLite file, or a PostgreSQL connection string (Host=...).
//   COUNT_PER_THREAD: 0 records overrides until the process is killed.
//   PREFIX: names this process in the justifications.
// Each override goes the application's way: the engine decides, the IOverrideRecorder records. Prints "READY" once
// the store is open, then "ACK <overrideId> <sequence> <hash>" for each override, only after OverrideAsync returned
// (the override is durable), flushed at once: a line the parent read is an acknowledged override.
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

var services = new ServiceCollection();
services.AddPolicyAudit(o => o.AddPolicy<CorkageFee>()).Use(storeName);
await using (var provider = services.BuildServiceProvider())
{
    var engine = provider.GetRequiredService<IPolicyEngine>();
    var recorder = provider.GetRequiredService<IOverrideRecorder>();
    _ = provider.GetRequiredService<IEvidenceStore>();
    Say("READY");
    var waiter = new StaffMember("waiter-7", StaffRole.Staff);
    var manager = new StaffMember("manager-2", StaffRole.Manager);
    var workers = Enumerable.Range(0, threads).Select(thread => Task.Run(async () =>
    {
        for (var i = 0; perThread == 0 || i < perThread; i++)
        {
            var decision = engine.Evaluate(new BroughtBottle("Barolo 2016", FromOutside: true), new ServiceContext($"guest-{thread}-{i}", "dining-room", waiter.Id));
            var receipt = await recorder.OverrideAsync(decision, waiter, $"Anniversary of a regular guest ({prefix}, table {thread}.{i}); the bottle was our gift last year.", manager);
            Say($"ACK {receipt.OverrideId} {receipt.Sequence.ToString(CultureInfo.InvariantCulture)} {receipt.Hash}");
        }
    })).ToArray();
    await Task.WhenAll(workers);
    await provider.GetRequiredService<IDecisionLog>().FlushAsync();
}

Say("DONE");
return 0;
