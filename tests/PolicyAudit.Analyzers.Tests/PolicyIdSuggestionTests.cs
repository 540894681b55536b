using PolicyAudit.Analyzers.Governance;

namespace PolicyAudit.Analyzers.Tests;

public sealed class PolicyIdSuggestionTests
{
    [Theory]
    [InlineData("refund-windw", "refund-window")]
    [InlineData("Refund-Window", "refund-window")]
    [InlineData("refnud-window", "refund-window")]
    [InlineData("opened-good", "opened-goods")]
    public void FindClosest_NearMiss_ReturnsDeclaredId(string unknown, string expected)
    {
        Assert.Equal(expected, PolicyIdSuggestion.FindClosest(unknown, ["refund-window", "opened-goods", "gold-perks"]));
    }

    [Fact]
    public void FindClosest_NothingSimilar_ReturnsNull()
    {
        Assert.Null(PolicyIdSuggestion.FindClosest("parking", ["refund-window", "opened-goods"]));
    }

    [Fact]
    public void Distance_Transposition_CountsAsOneEdit()
    {
        Assert.Equal(1, PolicyIdSuggestion.Distance("ab", "ba"));
        Assert.Equal(3, PolicyIdSuggestion.Distance("kitten", "sitting"));
    }
}
