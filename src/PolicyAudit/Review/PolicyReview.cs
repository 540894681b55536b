namespace PolicyAudit;

/// <summary>One policy's figures over a review window, and the verdict they lead to. Immutable.</summary>
public sealed record PolicyReview
{
    /// <summary>The policy id.</summary>
    public required string Id { get; init; }

    /// <summary>The policy's title (its id when no policy record describes it).</summary>
    public required string Title { get; init; }

    /// <summary>Who owns the policy; null when unknown.</summary>
    public string? Owner { get; init; }

    /// <summary>The lowest role that may override the policy without an approver; null when no policy record describes it.</summary>
    public StaffRole? OverridableBy { get; init; }

    /// <summary>Why the policy exists; null when unknown.</summary>
    public string? Rationale { get; init; }

    /// <summary>Decisions in the window in which the policy fired.</summary>
    public required int Decisions { get; init; }

    /// <summary>Of those, the decisions that were not Allow.</summary>
    public required int Denials { get; init; }

    /// <summary>Overrides in the window of decisions the policy determined.</summary>
    public required int Overrides { get; init; }

    /// <summary>Overrides per denial; 0 when there were no denials.</summary>
    public double OverrideRate => Denials == 0 ? 0 : (double)Overrides / Denials;

    /// <summary>
    /// The lower bound of the 95% Wilson score interval of <see cref="OverrideRate"/>: how low the rate may really be,
    /// given how few denials it rests on. 0 without denials.
    /// </summary>
    public double OverrideRateLow => WilsonInterval.Of(Overrides, Denials).Low;

    /// <summary>The upper bound of the 95% Wilson score interval of <see cref="OverrideRate"/>; 1 without denials.</summary>
    public double OverrideRateHigh => WilsonInterval.Of(Overrides, Denials).High;

    /// <summary>Overrides an approver signed.</summary>
    public required int EscalatedOverrides { get; init; }

    /// <summary>Overrides by a role below the policy's authority with no approver.</summary>
    public required int UnauthorizedOverrides { get; init; }

    /// <summary>How many different staff members overrode the policy.</summary>
    public required int DistinctStaff { get; init; }

    /// <summary>How many different customers benefited from overrides of the policy.</summary>
    public required int DistinctCustomers { get; init; }

    /// <summary>Overridden decisions that later drew a complaint or a loss.</summary>
    public required int HarmfulOutcomes { get; init; }

    /// <summary>The share of overrides made by the staff members who overrode most (as many as <see cref="ReviewOptions.CoachTopStaffCount"/>).</summary>
    public required double TopStaffShare { get; init; }

    /// <summary>The most frequent justifications, most frequent first.</summary>
    public required IReadOnlyList<JustificationCount> TopJustifications { get; init; }

    /// <summary>
    /// The justifications grouped by the words they share ("allergy", "Allergy!", "guest allergic"), biggest group
    /// first, at most <see cref="ReviewOptions.TopJustifications"/>.
    /// </summary>
    public IReadOnlyList<JustificationGroup> JustificationGroups { get; init; } = [];

    /// <summary>
    /// The change the stored facts suggest: the one condition that best separates the overridden denials from the
    /// upheld ones. Null when the verdict is not a pattern verdict, no facts were stored, or no condition separates
    /// well enough (<see cref="ReviewOptions.SuggestionMinimumOverrideShare"/>, <see cref="ReviewOptions.SuggestionMaximumUpheldShare"/>).
    /// </summary>
    public Suggestion? Suggestion { get; init; }

    /// <summary>Complaints and losses recorded against overridden decisions of the policy, oldest first.</summary>
    public IReadOnlyList<OverrideHarm> Harms { get; init; } = [];

    /// <summary>The figures split by the policy's version, oldest version first.</summary>
    public required IReadOnlyList<PolicyVersionFigures> Versions { get; init; }

    /// <summary>Overrides per day, in day order, days without overrides left out.</summary>
    public required IReadOnlyList<DailyOverrides> OverridesByDay { get; init; }

    /// <summary>What the review recommends.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>Why, in sentences a reviewer can read, with the figures behind them.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }
}
