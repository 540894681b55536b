using Restaurant.Facts;

namespace PolicyAudit.Benchmarks.Replay;

/// <summary>
/// The requests of the replay family: an evening's mix at Harbour Street (seatings, bottles brought in, comps, bills),
/// each with its service context, generated from a fixed seed so the recorded store and the baseline see the same ones.
/// </summary>
internal static class ReplayRequests
{
    public static object[][] Generate(int count)
    {
        var random = new Random(20261201);
        var requests = new object[count][];
        for (var i = 0; i < count; i++)
        {
            var context = new ServiceContext("guest-" + random.Next(5_000), "harbour-street", "waiter-" + random.Next(12));
            object fact = (i % 4) switch
            {
                0 => new SeatingRequest(1 + random.Next(10), new TimeOnly(18 + random.Next(5), random.Next(60)), random.Next(2) == 0, random.Next(30), random.Next(3) == 0 ? null : "Guest " + random.Next(500)),
                1 => new BroughtBottle("Wine " + random.Next(40), random.Next(5) == 0, random.Next(2) == 0),
                2 => new CompRequest("item " + random.Next(30), random.Next(2) == 0 ? "dessert" : "main", random.Next(5, 120), "kitchen delay"),
                _ => new BillRequest(1 + random.Next(12), random.Next(40, 1_500), random.Next(4) == 0, 1 + random.Next(6)),
            };
            requests[i] = [context, fact];
        }

        return requests;
    }
}
