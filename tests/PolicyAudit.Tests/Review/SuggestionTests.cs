namespace PolicyAudit.Tests.Reviewing;

public sealed class SuggestionTests
{
    [Fact]
    public async Task RunAsync_SmallPartiesOverridden_SuggestsASizeThreshold()
    {
        // Overridden: sizes 8 8 9 9 9 10 10 10 10 14; upheld: 10 once, 11 12 14 five times each, 16 four times.
        // Size <= 10 holds for 9 of the 10 overrides and 1 of the 20 upheld denials; Reserved splits both in half.
        var evidence = new ReviewEvidence().Policy("large-parties", title: "Parties over 6 need a deposit");
        int[] overridden = [8, 8, 9, 9, 9, 10, 10, 10, 10, 14];
        for (var i = 0; i < overridden.Length; i++)
        {
            evidence.FactDenial("large-parties", Party(overridden[i], reserved: i % 2 == 0), overriddenBy: "s" + i);
        }

        int[] upheld = [10, 11, 11, 11, 11, 11, 12, 12, 12, 12, 12, 14, 14, 14, 14, 14, 16, 16, 16, 16];
        for (var i = 0; i < upheld.Length; i++)
        {
            evidence.FactDenial("large-parties", Party(upheld[i], reserved: i % 2 == 0));
        }

        var review = await evidence.ReviewPolicyAsync("large-parties");

        Assert.Equal(Verdict.Rescind, review.Verdict);
        var suggestion = Assert.IsType<Suggestion>(review.Suggestion);
        Assert.Equal("Party.Size <= 10", suggestion.Condition);
        Assert.Equal("9 of 10 overrides, 1 of 20 upheld denials", suggestion.Support);
        Assert.Equal(
            "Rewrite \"Parties over 6 need a deposit\" so it does not apply when Party.Size <= 10: it covers 9 of the 10 overrides and 1 of the 20 denials that stood.",
            suggestion.Exception);
    }

    [Fact]
    public async Task RunAsync_AllergiesOverridden_SuggestsTheReasonNotTheMaskedEmail()
    {
        // Overridden: allergy 8, vegan 2, preference 2; upheld: preference 25, allergy 2, vegan 3.
        // Reason == "allergy" holds for 8 of 12 and 2 of 30. The masked e-mail pseudonym separates perfectly,
        // and must not be used.
        var evidence = new ReviewEvidence().Policy("no-substitutions", StaffRole.Manager, title: "No substitutions on set menus");
        string[] overridden = ["allergy", "allergy", "allergy", "allergy", "allergy", "allergy", "allergy", "allergy", "vegan", "vegan", "preference", "preference"];
        for (var i = 0; i < overridden.Length; i++)
        {
            evidence.FactDenial("no-substitutions", Substitution(overridden[i], "pseudonym-a"), overriddenBy: "s" + i, approvedBy: "m1");
        }

        for (var i = 0; i < 30; i++)
        {
            evidence.FactDenial("no-substitutions", Substitution(i < 25 ? "preference" : i < 27 ? "allergy" : "vegan", "pseudonym-b"));
        }

        var review = await evidence.ReviewPolicyAsync("no-substitutions");

        Assert.Equal(Verdict.Delegate, review.Verdict);
        var suggestion = Assert.IsType<Suggestion>(review.Suggestion);
        Assert.Equal(("SubstitutionRequest.Reason", "==", "allergy", true), (suggestion.Property, suggestion.Operator, suggestion.Value, suggestion.IsText));
        Assert.Equal("SubstitutionRequest.Reason == \"allergy\"", suggestion.Condition);
        Assert.Equal((8, 12, 2, 30), (suggestion.CoveredOverrides, suggestion.Overrides, suggestion.CoveredUpheldDenials, suggestion.UpheldDenials));
        Assert.StartsWith("Let front-line staff grant the exception to \"No substitutions on set menus\" without an approver when", suggestion.Exception, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EarlyLateArrivalsOverridden_SuggestsATimeOfDay()
    {
        // Overridden: 22:05, 22:10, 22:15 three times each, 22:40 once; upheld: 22:15 once, 22:20, 22:30, 22:35 five
        // times each, 22:45 four times. At <= 22:15 holds for 9 of 10 overrides and 1 of 20 upheld denials.
        var evidence = new ReviewEvidence().Policy("no-seating-after-2200", title: "No seating after 22:00");
        string[] overridden = ["22:05", "22:05", "22:05", "22:10", "22:10", "22:10", "22:15", "22:15", "22:15", "22:40"];
        for (var i = 0; i < overridden.Length; i++)
        {
            evidence.FactDenial("no-seating-after-2200", Seating(overridden[i]), overriddenBy: "s" + i);
        }

        string[] upheld = ["22:15", "22:20", "22:20", "22:20", "22:20", "22:20", "22:30", "22:30", "22:30", "22:30", "22:30", "22:35", "22:35", "22:35", "22:35", "22:35", "22:45", "22:45", "22:45", "22:45"];
        foreach (var at in upheld)
        {
            evidence.FactDenial("no-seating-after-2200", Seating(at));
        }

        var review = await evidence.ReviewPolicyAsync("no-seating-after-2200");

        var suggestion = Assert.IsType<Suggestion>(review.Suggestion);
        Assert.Equal("SeatingRequest.At <= 22:15", suggestion.Condition);
        Assert.Equal("9 of 10 overrides, 1 of 20 upheld denials", suggestion.Support);
    }

    [Fact]
    public async Task RunAsync_SameSizesOverriddenAndUpheld_NoSuggestion()
    {
        // Sizes 8 10 12 14 16: twice each overridden, four times each upheld. The best threshold, <= 12, holds for
        // 6 of 10 overrides but also 12 of 20 upheld denials (60%, above 10%).
        var evidence = new ReviewEvidence().Policy("large-parties");
        int[] sizes = [8, 10, 12, 14, 16];
        for (var i = 0; i < 10; i++)
        {
            evidence.FactDenial("large-parties", Party(sizes[i % 5], reserved: true), overriddenBy: "s" + i);
        }

        for (var i = 0; i < 20; i++)
        {
            evidence.FactDenial("large-parties", Party(sizes[i % 5], reserved: true));
        }

        var review = await evidence.ReviewPolicyAsync("large-parties");

        Assert.Equal(Verdict.Rescind, review.Verdict);
        Assert.Null(review.Suggestion);
    }

    [Fact]
    public async Task RunAsync_KeepVerdict_NoSuggestionEvenWhereOneSeparates()
    {
        var evidence = new ReviewEvidence().Policy("large-parties");
        evidence.FactDenial("large-parties", Party(4, reserved: true), overriddenBy: "s1");
        for (var i = 0; i < 20; i++)
        {
            evidence.FactDenial("large-parties", Party(12, reserved: true));
        }

        var review = await evidence.ReviewPolicyAsync("large-parties");

        Assert.Equal(Verdict.Keep, review.Verdict);
        Assert.Null(review.Suggestion);
    }

    internal static string Party(int size, bool reserved) =>
        "[{\"type\":\"Restaurant.Facts.Party\",\"value\":{\"Reserved\":" + (reserved ? "true" : "false") + ",\"Size\":" + size + "}}]";

    internal static string Seating(string at) =>
        "[{\"type\":\"Restaurant.Facts.SeatingRequest\",\"value\":{\"At\":\"" + at + ":00\",\"PartySize\":4}}]";

    internal static string Substitution(string reason, string emailPseudonym) =>
        "[{\"type\":\"Restaurant.Facts.SubstitutionRequest\",\"value\":{\"Dish\":\"tart\",\"Reason\":\"" + reason
        + "\"}},{\"type\":\"Restaurant.Facts.Guest\",\"value\":{\"Email\":\"" + emailPseudonym + "\"},\"masked\":[\"Email\"]}]";
}
