namespace PolicyAudit;

/// <summary>The words and figures every replay renderer shows, in one place so the formats agree. Thread-safe (no state).</summary>
internal static class ReplayText
{
    public static string Heading(Replay replay) => "Replay against candidate policy set " + replay.CandidateVersion;

    public static string Summary(Replay replay) =>
        $"Window: {ReportText.Window(replay.Window)}. {ReportText.Number(replay.Decisions)} decisions recorded, "
        + $"{ReportText.Number(replay.DecisionsWithFacts)} with stored facts. Nothing was recorded by this replay.";

    /// <summary>The figures as (label, value), in report order.</summary>
    public static IReadOnlyList<(string Label, string Value)> Figures(ReplayFigures f) =>
    [
        ("Replayed", ReportText.Number(f.Replayed)),
        ("Unchanged", ReportText.Number(f.Unchanged)),
        ("Changed", Changes(f)),
        ("Overridden, now allowed", ReportText.Number(f.OverriddenNowAllowed)),
        ("Upheld denials, now allowed (new risk)", ReportText.Number(f.UpheldNowAllowed)),
        ("Harmful, now allowed", ReportText.Number(f.HarmfulNowAllowed)),
        ("Not replayed", Gaps(f)),
    ];

    public static string Changes(ReplayFigures f) =>
        f.Changed.Count == 0 ? "0" : string.Join("; ", f.Changed.Select(c => $"{WireNames.Of(c.From)} → {WireNames.Of(c.To)} {ReportText.Number(c.Count)}"));

    public static string Gaps(ReplayFigures f) =>
        f.NotReplayed.Count == 0 ? "0" : string.Join("; ", f.NotReplayed.Select(g => $"{Of(g.Gap)} {ReportText.Number(g.Count)} (e.g. {string.Join(", ", g.DecisionIds)})"));

    public static string Of(ReplayStatus status) => status switch
    {
        ReplayStatus.Same => "same",
        ReplayStatus.Changed => "changed",
        ReplayStatus.New => "new",
        ReplayStatus.Removed => "removed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Of(ReplayGap gap) => gap switch
    {
        ReplayGap.NoFacts => "no-facts",
        ReplayGap.FactsCut => "facts-cut",
        ReplayGap.TypeNotFound => "type-not-found",
        ReplayGap.FactUnreadable => "fact-unreadable",
        ReplayGap.MaskedProperty => "masked-property",
        ReplayGap.ConditionThrew => "condition-threw",
        _ => throw new ArgumentOutOfRangeException(nameof(gap), gap, null),
    };
}
