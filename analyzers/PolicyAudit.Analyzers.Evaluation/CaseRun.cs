using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PolicyAudit.Analyzers.Evaluation;

/// <summary>
/// One measurement of a case: Stubs, Domain and Policies compiled, PA0006's marking applied to Domain, Policies
/// compiled again over the marked Domain, then Domain and App analysed and PA0001 scored against the labels. Writes
/// the report as it goes.
/// </summary>
internal static class CaseRun
{
    private const int ErrorsListed = 8;

    /// <summary>The scorecard and how many analyzer exceptions there were (each is a defect).</summary>
    public sealed record Outcome(Scorecard Scorecard, int Exceptions, ImmutableArray<Diagnostic> Diagnostics);

    public static async Task<Outcome> RunAsync(string caseDirectory, AnalyzerSet analyzers, IReadOnlyList<Label> labels, TextWriter report,
        IReadOnlyList<KeyValuePair<string, string>>? optionOverrides = null)
    {
        var options = CaseOptions.Read(caseDirectory, optionOverrides);
        var references = ReferenceSet.Create(caseDirectory);
        var compiler = new CaseCompiler(caseDirectory, references, analyzers, options);
        report.WriteLine($"# case {caseDirectory}");
        report.WriteLine($"# analyzer {analyzers.Path} (sha256 {analyzers.Hash}), compiler Roslyn {typeof(Compilation).Assembly.GetName().Version}");
        report.WriteLine($"# references {references.Description}");
        foreach (var (key, value) in options.Values)
        {
            report.WriteLine($"# option {key} = {value}");
        }

        var below = new List<MetadataReference>();
        var stubs = compiler.Compile(Part.Stubs, compiler.Parse(Part.Stubs), below);
        WriteErrors(report, stubs, Part.Stubs);
        if (stubs.SyntaxTrees.Count() > 1)
        {
            below.Add(Referenced(stubs, report));
        }

        var domainTrees = compiler.Parse(Part.Domain);
        var domain = compiler.Compile(Part.Domain, domainTrees, below);
        var policyTrees = compiler.Parse(Part.Policies);
        var policies = compiler.Compile(Part.Policies, policyTrees, below.Append(Referenced(domain, report: null)));
        var (policyDiagnostics, _) = await compiler.AnalyzeAsync(policies, Part.Policies).ConfigureAwait(false);
        foreach (var ask in Sorted(policyDiagnostics.Where(d => d.Id == "PA0006")))
        {
            report.WriteLine($"PA0006 {Where(ask)} {ask.GetMessage()}");
        }

        var (markedTrees, marked, notMarked) = GovernanceMarker.Apply(domain, domainTrees, policyDiagnostics);
        foreach (var mark in marked)
        {
            report.WriteLine($"marked {mark.Where} {mark.MemberId} {mark.Attribute}");
        }

        foreach (var reason in notMarked)
        {
            report.WriteLine($"not marked {reason}");
        }

        domain = compiler.Compile(Part.Domain, markedTrees, below);
        WriteErrors(report, domain, Part.Domain);
        var domainReference = Referenced(domain, report);
        policies = compiler.Compile(Part.Policies, policyTrees, below.Append(domainReference));
        WriteErrors(report, policies, Part.Policies);
        var app = compiler.Compile(Part.App, compiler.Parse(Part.App), below.Append(domainReference).Append(Referenced(policies, report)));
        WriteErrors(report, app, Part.App);

        var (afterMarking, _) = await compiler.AnalyzeAsync(policies, Part.Policies).ConfigureAwait(false);
        var (domainDiagnostics, domainTime) = await compiler.AnalyzeAsync(domain, Part.Domain).ConfigureAwait(false);
        var (appDiagnostics, appTime) = await compiler.AnalyzeAsync(app, Part.App).ConfigureAwait(false);
        var all = afterMarking.Concat(domainDiagnostics).Concat(appDiagnostics).Where(d => d.Location.IsInSource).ToImmutableArray();
        foreach (var other in Sorted(all.Where(d => d.Id != "PA0001" && d.Id.StartsWith("PA", StringComparison.Ordinal))))
        {
            report.WriteLine($"other {other.Id} {Where(other)} {other.GetMessage()}");
        }

        var scorecard = Scorecard.Score(labels, all);
        foreach (var (label, warning) in scorecard.Labelled)
        {
            report.WriteLine(warning is null
                ? $"FN {label.Where} {label.PolicyId}   # {label.Note}"
                : $"TP {label.Where} {label.PolicyId} | {warning.GetMessage()}");
        }

        foreach (var (where, warning) in scorecard.Unlabelled)
        {
            report.WriteLine($"FP {where} | {warning.GetMessage()}");
        }

        var exceptions = compiler.AnalyzerExceptions.ToList();
        foreach (var exception in exceptions)
        {
            report.WriteLine("ANALYZER EXCEPTION " + exception);
        }

        report.WriteLine($"# PA0001 time: Domain {domainTime.TotalMilliseconds:0} ms ({domain.SyntaxTrees.Count()} files), App {appTime.TotalMilliseconds:0} ms ({app.SyntaxTrees.Count()} files)");
        report.WriteLine($"TOTAL {scorecard.Summary()}");
        return new Outcome(scorecard, exceptions.Count, all);
    }

    private static MetadataReference Referenced(Compilation compilation, TextWriter? report)
    {
        var reference = CaseCompiler.ReferenceTo(compilation, out var note);
        if (note is not null)
        {
            report?.WriteLine("# " + note);
        }

        return reference;
    }

    private static void WriteErrors(TextWriter report, Compilation compilation, Part part)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        report.WriteLine($"# compile {part}: {compilation.SyntaxTrees.Count()} files, {errors.Count} errors");
        foreach (var error in errors.Take(ErrorsListed))
        {
            report.WriteLine($"error {Where(error)} {error.Id} {error.GetMessage()}");
        }
    }

    private static IEnumerable<Diagnostic> Sorted(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start);

    private static string Where(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{span.Path}:{span.StartLinePosition.Line + 1}";
    }
}
