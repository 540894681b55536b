namespace PolicyAudit.Rules.Tests;

public class SessionTests
{
    public sealed class NoteEveryOrder : Rule
    {
        public override void Define()
        {
            Order order = null!;
            When().Match(() => order);
            Then().Yield(ctx => new Note("order " + order.Id));
        }
    }

    /// <summary>Identified by number, like an entity: a new instance with the same number is the same fact.</summary>
    public sealed class Ticket(int number, string state)
    {
        public int Number { get; } = number;

        public string State { get; } = state;

        public override bool Equals(object? obj) => obj is Ticket other && other.Number == Number;

        public override int GetHashCode() => Number;
    }

    public sealed class OpenTicket : Rule
    {
        public override void Define()
        {
            Ticket ticket = null!;
            When().Match(() => ticket, t => t.State == "open");
            Then().Yield(ctx => new Note("open " + ticket.Number));
        }
    }

    [Fact]
    public void Insert_EqualFactTwice_Throws()
    {
        var session = Engine.Session(typeof(NoteEveryOrder));
        var order = new Order(1, 1, 1m);
        session.Insert(order);

        var error = Assert.Throws<ArgumentException>(() => session.Insert(order));

        Assert.Contains("already in working memory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryInsert_EqualFactTwice_ReturnsFalse()
    {
        var session = Engine.Session(typeof(NoteEveryOrder));
        var order = new Order(1, 1, 1m);

        var first = session.TryInsert(order);
        var second = session.TryInsert(order);

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public void InsertAll_OneFactAlreadyPresent_InsertsNone()
    {
        var session = Engine.Session(typeof(NoteEveryOrder));
        var present = new Order(1, 1, 1m);
        session.Insert(present);

        Assert.Throws<ArgumentException>(() => session.InsertAll([new Order(2, 1, 1m), present]));

        Assert.Equal([1], session.Query<Order>().Select(o => o.Id));
    }

    [Fact]
    public void UpdateAndRetract_UnknownFact_Throw()
    {
        var session = Engine.Session(typeof(NoteEveryOrder));
        var stranger = new Order(9, 1, 1m);

        Assert.Throws<ArgumentException>(() => session.Update(stranger));
        Assert.Throws<ArgumentException>(() => session.Retract(stranger));
        Assert.False(session.TryRetract(stranger));
    }

    [Fact]
    public void Update_EqualReplacementInstance_ReplacesFact()
    {
        var session = Engine.Session(typeof(OpenTicket));
        session.Insert(new Ticket(1, "open"));
        session.Fire();

        var replacement = new Ticket(1, "closed");
        session.Update(replacement);

        Assert.Empty(session.Notes());
        Assert.Same(replacement, Assert.Single(session.Query<Ticket>()));
    }

    [Fact]
    public void FireWithMax_FiresAtMostMax()
    {
        var session = Engine.Session(typeof(NoteEveryOrder));
        session.InsertAll([new Order(1, 1, 1m), new Order(2, 1, 1m), new Order(3, 1, 1m)]);

        var first = session.Fire(2);
        var rest = session.Fire();

        Assert.Equal(2, first);
        Assert.Equal(1, rest);
    }

    [Fact]
    public void FireWithCancelledToken_FiresNothing()
    {
        var session = Engine.Session(typeof(NoteEveryOrder));
        session.Insert(new Order(1, 1, 1m));
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var fired = session.Fire(cancellation.Token);

        Assert.Equal(0, fired);
        Assert.Equal(1, session.Fire(CancellationToken.None));
    }

    [Fact]
    public void Query_ReturnsInsertedAndYieldedFactsOfType()
    {
        var session = Engine.Session(typeof(NoteEveryOrder));
        session.InsertAll([new Order(1, 1, 1m), new Customer(1, "Ann")]);

        session.Fire();

        Assert.Equal([1], session.Query<Order>().Select(o => o.Id));
        Assert.Equal(["order 1"], session.Notes());
        Assert.Equal(3, session.Query<object>().Count());
    }

    [Fact]
    public void Fire_NothingReady_ReturnsZero()
    {
        var session = Engine.Session(typeof(NoteEveryOrder));

        Assert.Equal(0, session.Fire());
    }
}
