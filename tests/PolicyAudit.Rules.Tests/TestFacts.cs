namespace PolicyAudit.Rules.Tests;

public sealed class Customer(int id, string name, bool isVip = false)
{
    public int Id { get; } = id;

    public string Name { get; set; } = name;

    public bool IsVip { get; set; } = isVip;

    public override string ToString() => $"Customer {Id} {Name}";
}

public sealed class Order(int id, int customerId, decimal amount)
{
    public int Id { get; } = id;

    public int CustomerId { get; set; } = customerId;

    public decimal Amount { get; set; } = amount;

    public bool Paid { get; set; }

    public override string ToString() => $"Order {Id} of {CustomerId} for {Amount}";
}

public sealed class Alarm(string zone)
{
    public string Zone { get; } = zone;

    public bool Active { get; set; } = true;
}

public sealed record Note(string Text);

public sealed record Discount(int OrderId, decimal Percent);

internal static class Engine
{
    public static ISessionFactory Compile(params Type[] ruleTypes) => new RuleRepository().Load(ruleTypes).Compile();

    public static ISession Session(params Type[] ruleTypes) => Compile(ruleTypes).CreateSession();

    public static List<string> Notes(this ISession session) => session.Query<Note>().Select(n => n.Text).OrderBy(t => t, StringComparer.Ordinal).ToList();

    public static ReteNetwork Network(this ISessionFactory factory) => ((SessionFactory)factory).Network;
}
