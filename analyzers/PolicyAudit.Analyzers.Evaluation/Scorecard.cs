using Microsoft.CodeAnalysis;

namespace PolicyAudit.Analyzers.Evaluation;

/// <summary>
/// PA0001's warnings against a case's labels: a label is found (TP) when a warning starts on one of its lines, missed
/// (FN) otherwise; a line with warnings that no label covers is one false alarm (FP), however many warnings it has.
/// Immutable.
/// </summary>
internal sealed class Scorecard
{
    private Scorecard(IReadOnlyList<(Label Label, Diagnostic? Warning)> labelled, IReadOnlyList<(string Where, Diagnostic Warning)> unlabelled)
    {
        Labelled = labelled;
        Unlabelled = unlabelled;
    }

    /// <summary>Every label with the first warning on its lines, or null when it was missed.</summary>
    public IReadOnlyList<(Label Label, Diagnostic? Warning)> Labelled { get; }

    /// <summary>One warning per line no label covers.</summary>
    public IReadOnlyList<(string Where, Diagnostic Warning)> Unlabelled { get; }

    /// <summary>Labels found.</summary>
    public int TruePositives => Labelled.Count(l => l.Warning is not null);

    /// <summary>Labels missed.</summary>
    public int FalseNegatives => Labelled.Count(l => l.Warning is null);

    /// <summary>Lines warned about that no label covers.</summary>
    public int FalsePositives => Unlabelled.Count;

    /// <summary>Scores the PA0001 warnings among <paramref name="diagnostics"/>.</summary>
    public static Scorecard Score(IReadOnlyList<Label> labels, IEnumerable<Diagnostic> diagnostics)
    {
        var warnings = diagnostics
            .Where(d => d.Id == "PA0001" && d.Location.IsInSource)
            .Select(d => (Path: d.Location.SourceTree!.FilePath, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, Warning: d))
            .OrderBy(w => w.Path, StringComparer.Ordinal).ThenBy(w => w.Line)
            .ToList();
        var labelled = labels
            .Select(label => (label, warnings.Where(w => label.Covers(w.Path, w.Line)).Select(w => w.Warning).FirstOrDefault()))
            .ToList();
        var unlabelled = warnings
            .Where(w => !labels.Any(label => label.Covers(w.Path, w.Line)))
            .GroupBy(w => (w.Path, w.Line))
            .Select(g => ($"{g.Key.Path}:{g.Key.Line}", g.First().Warning))
            .ToList();
        return new Scorecard(labelled, unlabelled);
    }

    /// <summary>Recall and precision as the report prints them.</summary>
    public string Summary()
    {
        var found = TruePositives;
        var recall = found + FalseNegatives == 0 ? "n/a" : $"{100.0 * found / (found + FalseNegatives):0}%";
        var precision = found + FalsePositives == 0 ? "n/a" : $"{100.0 * found / (found + FalsePositives):0}%";
        return $"TP {found} FN {FalseNegatives} FP {FalsePositives} recall {recall} precision {precision}";
    }
}
