namespace PolicyAudit.Rules.Tests;

public class TokenTests
{
    [Fact]
    public void RemoveChild_FromOneToManyAndBack_KeepsOrderAndLookups()
    {
        var root = new Token(null, -1, null, null);
        var facts = Enumerable.Range(0, 3).Select(i => new Fact(new Note("n" + i))).ToArray();
        var children = facts.Select(f => new Token(root, 0, f, null)).ToArray();

        root.AddChild(children[0]);
        Assert.Equal(1, root.ChildCount);
        Assert.Same(children[0], root.ChildWithFact(facts[0]));
        Assert.Null(root.ChildWithFact(facts[1]));

        root.AddChild(children[1]);
        root.AddChild(children[2]);
        Assert.True(root.RemoveChild(children[1]));
        Assert.False(root.RemoveChild(children[1]));
        Assert.Equal([children[0], children[2]], [root.ChildAt(0), root.ChildAt(1)]);
        Assert.Same(children[2], root.ChildWithFact(facts[2]));

        root.RemoveChildAt(1);
        root.RemoveChildAt(0);
        Assert.Equal(0, root.ChildCount);
        Assert.Null(root.ChildWithFact(facts[0]));
    }

    [Fact]
    public void Get_FactAndValueSlots_ReturnsObjectOrValue()
    {
        var root = new Token(null, -1, null, null);
        var note = new Note("fact");
        var withFact = new Token(root, 0, new Fact(note), null);
        var withValue = new Token(withFact, 1, null, 42);

        Assert.Same(note, withValue.Get(0));
        Assert.Equal(42, withValue.Get(1));
        Assert.Null(withFact.Value);
        Assert.Null(withValue.Fact);
        Assert.Equal([note, 42], withValue.Values());
    }
}
