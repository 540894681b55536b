using AnalyzerHost.Policies;
using AnalyzerHost.Shop;
using Microsoft.Extensions.DependencyInjection;
using PolicyAudit;

// Builds the engine with the policies, and asks it about a late refund: the right way round. The other members of
// RefundDesk are there for the analyzer to warn about (see README.md).
var services = new ServiceCollection();
services.AddPolicyAudit(options => options.AddPoliciesFrom(typeof(RefundWindow).Assembly))
        .UseInMemoryStore();
await using var provider = services.BuildServiceProvider();

var desk = new RefundDesk(provider.GetRequiredService<IPolicyEngine>(), provider.GetRequiredService<IOverrideRecorder>());
var order = new Order { Number = "A-1042", DaysSincePurchase = 45, Total = 89.90m };
var supervisor = new StaffMember("sam", StaffRole.Supervisor);

Console.WriteLine(await desk.RefundAsync(order, supervisor, exceptionReason: null));
Console.WriteLine(await desk.RefundAsync(order, supervisor, "Gift bought abroad; the customer only received it this week."));
