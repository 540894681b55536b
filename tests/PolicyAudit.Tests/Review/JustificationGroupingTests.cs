namespace PolicyAudit.Tests.Reviewing;

public sealed class JustificationGroupingTests
{
    private const string Policy = "no-substitutions";

    [Fact]
    public async Task RunAsync_SameReasonWrittenThreeWays_OneGroup()
    {
        var evidence = new ReviewEvidence().Policy(Policy);
        foreach (var justification in new[] { "allergy", "Allergy!", "guest allergic", "Regular guest.", "a regular", "ok" })
        {
            evidence.Override(Policy, "ana", justification: justification);
        }

        var review = await evidence.ReviewPolicyAsync(Policy);

        Assert.Equal(
            [
                new JustificationGroup("allergy", 3, ["allergy", "guest allergic"]),
                new JustificationGroup("regular", 2, ["a regular", "regular guest"]),
                new JustificationGroup("ok", 1, ["ok"]),
            ],
            review.JustificationGroups);
    }

    [Fact]
    public async Task RunAsync_JustificationWithTwoReasons_CountsOnceInTheBiggerGroup()
    {
        var evidence = new ReviewEvidence().Policy(Policy);
        foreach (var justification in new[] { "birthday", "Birthday.", "birthdays", "anniversary", "birthday and anniversary" })
        {
            evidence.Override(Policy, "ana", justification: justification);
        }

        var review = await evidence.ReviewPolicyAsync(Policy);

        Assert.Equal(
            [
                new JustificationGroup("birthday", 4, ["birthday", "birthday and anniversary", "birthdays"]),
                new JustificationGroup("anniversary", 1, ["anniversary"]),
            ],
            review.JustificationGroups);
        Assert.Equal(5, review.JustificationGroups.Sum(g => g.Count));
    }

    [Fact]
    public async Task RunAsync_MoreGroupsThanTheTop_KeepsTheBiggest()
    {
        var evidence = new ReviewEvidence().Policy(Policy);
        foreach (var justification in new[] { "late train", "Train was late", "vegan", "vegans", "celiac", "kosher", "halal" })
        {
            evidence.Override(Policy, "ana", justification: justification);
        }

        var review = await evidence.ReviewPolicyAsync(Policy, new ReviewOptions { TopJustifications = 2 });

        Assert.Equal(["train", "vegan"], review.JustificationGroups.Select(g => g.Word));
        Assert.Equal([2, 2], review.JustificationGroups.Select(g => g.Count));
    }
}
