namespace PolicyAudit;

/// <summary>
/// The running figures of one policy (or of whole decisions) during a replay: counters and at most a few decision
/// ids per gap, never a list of decisions. Not thread-safe (one replay owns it).
/// </summary>
internal sealed class ReplayTally
{
    /// <summary>How many decision ids are kept per gap, for the reader to look at.</summary>
    public const int SampleIds = 3;

    private readonly int[,] _transitions = new int[3, 3];
    private readonly Dictionary<ReplayGap, (int Count, List<string> Ids)> _gaps = [];

    public int Replayed { get; private set; }

    public int OverriddenNowAllowed { get; private set; }

    public int UpheldNowAllowed { get; private set; }

    public int HarmfulNowAllowed { get; private set; }

    public void Add(DecisionOutcome recorded, DecisionOutcome replayed, bool overridden, bool harmed)
    {
        Replayed++;
        _transitions[(int)recorded, (int)replayed]++;
        if (recorded == DecisionOutcome.Allow || replayed != DecisionOutcome.Allow)
        {
            return;
        }

        // Now allowed where it used to stand in the way: the exception becomes the rule, or a new risk.
        OverriddenNowAllowed += overridden ? 1 : 0;
        UpheldNowAllowed += overridden ? 0 : 1;
        HarmfulNowAllowed += harmed ? 1 : 0;
    }

    public void Gap(ReplayGap gap, string decisionId)
    {
        var (count, ids) = _gaps.TryGetValue(gap, out var seen) ? seen : (0, new List<string>(SampleIds));
        if (ids.Count < SampleIds)
        {
            ids.Add(decisionId);
        }

        _gaps[gap] = (count + 1, ids);
    }

    public ReplayFigures ToFigures()
    {
        var changed = new List<OutcomeChange>();
        var unchanged = 0;
        foreach (var from in Enum.GetValues<DecisionOutcome>())
        {
            foreach (var to in Enum.GetValues<DecisionOutcome>())
            {
                var count = _transitions[(int)from, (int)to];
                if (from == to)
                {
                    unchanged += count;
                }
                else if (count > 0)
                {
                    changed.Add(new OutcomeChange(from, to, count));
                }
            }
        }

        return new ReplayFigures
        {
            Replayed = Replayed,
            Unchanged = unchanged,
            Changed = changed,
            OverriddenNowAllowed = OverriddenNowAllowed,
            UpheldNowAllowed = UpheldNowAllowed,
            HarmfulNowAllowed = HarmfulNowAllowed,
            NotReplayed = _gaps.OrderBy(g => g.Key).Select(g => new ReplayGapCount(g.Key, g.Value.Count, g.Value.Ids)).ToArray(),
        };
    }
}
