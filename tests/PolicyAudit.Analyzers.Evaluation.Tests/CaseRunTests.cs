using System.Runtime.CompilerServices;

namespace PolicyAudit.Analyzers.Evaluation.Tests;

/// <summary>The harness on the LayeredStore sample (Domain, Policies, App), copied into a case folder.</summary>
public sealed class CaseRunTests : IDisposable
{
    private readonly string _case = Path.Combine(Path.GetTempPath(), "pa-eval-" + Guid.NewGuid().ToString("N"));

    public CaseRunTests()
    {
        var sample = Path.Combine(RepoRoot(), "samples", "LayeredStore");
        foreach (var part in new[] { "Domain", "Policies", "App" })
        {
            Directory.CreateDirectory(Path.Combine(_case, part));
            foreach (var file in Directory.GetFiles(Path.Combine(sample, part), "*.cs"))
            {
                File.Copy(file, Path.Combine(_case, part, Path.GetFileName(file)));
            }
        }
    }

    public void Dispose() => Directory.Delete(_case, recursive: true);

    [Fact]
    public async Task RunAsync_LabelledSample_ScoresFoundMissedAndUnlabelledChecks()
    {
        var listed = LineOf("App/Checkout.cs", "Status != ProductStatus.Listed");
        var soldOut = LineOf("Domain/Product.cs", "Stock == 0");
        var nothingThere = LineOf("App/Checkout.cs", "return");
        var labels = Write($"App/Checkout.cs:{listed} listed-only\nDomain/Product.cs:{soldOut} sold-out # inside the entity\nApp/Checkout.cs:{nothingThere} bulk-order\n");
        using var report = new StringWriter();

        var outcome = await CaseRun.RunAsync(_case, Analyzers(), Label.ReadAll(labels), report);

        Assert.Equal(0, outcome.Exceptions);
        Assert.Equal(2, outcome.Scorecard.TruePositives);
        Assert.Equal(1, outcome.Scorecard.FalseNegatives);
        var unlabelled = outcome.Scorecard.Unlabelled.Select(u => u.Where).ToList();
        Assert.Contains($"App/Checkout.cs:{LineOf("App/Checkout.cs", "Quantity > 10")}", unlabelled);
        Assert.Contains($"TOTAL TP 2 FN 1 FP {unlabelled.Count} recall 67%", report.ToString());
    }

    [Fact]
    public async Task RunAsync_PolicyTestsUnmarkedDomainMember_MarksItOnItsOwnLine()
    {
        var labels = Write(string.Empty);
        using var report = new StringWriter();

        var outcome = await CaseRun.RunAsync(_case, Analyzers(), Label.ReadAll(labels), report);

        // OrderLine.Quantity is marked from BulkOrder's PA0006, so the Domain's own check is reported, at the line it
        // has in the unmarked file: marking moved no line.
        var quantityCheck = LineOf("Domain/OrderLine.cs", "Quantity > 10");
        Assert.Contains($"marked Domain/OrderLine.cs:{LineOf("Domain/OrderLine.cs", "Quantity {")} P:LayeredStore.Domain.OrderLine.Quantity [global::PolicyAudit.GovernedBy(\"bulk-order\", Conditions = \">10\")]", report.ToString());
        Assert.Contains(outcome.Scorecard.Unlabelled, u => u.Where == $"Domain/OrderLine.cs:{quantityCheck}");
        Assert.DoesNotContain(outcome.Diagnostics, d => d.Id == "PA0006");
    }

    [Fact]
    public void ReadAll_MalformedLine_NamesFileAndLine()
    {
        var labels = Write("# checks\nApp/Checkout.cs:11 listed-only\nApp/Checkout.cs listed-only\n");

        var error = Assert.Throws<FormatException>(() => Label.ReadAll(labels));

        Assert.Contains("labels.txt:3", error.Message);
        Assert.Contains("'App/Checkout.cs listed-only'", error.Message);
    }

    [Fact]
    public void ReadAll_RangeAndNote_CoversEveryLineOfTheRange()
    {
        var labels = Write("Domain/User.cs:40-42 user-lockout   # spans three lines\n");

        var label = Assert.Single(Label.ReadAll(labels));

        Assert.Equal(("user-lockout", "spans three lines"), (label.PolicyId, label.Note));
        Assert.True(label.Covers("Domain/User.cs", 42));
        Assert.False(label.Covers("Domain/User.cs", 43));
        Assert.False(label.Covers("App/User.cs", 41));
    }

    private static AnalyzerSet Analyzers() => AnalyzerSet.Load(Path.Combine(AppContext.BaseDirectory, "PolicyAudit.Analyzers.dll"));

    private string Write(string labels)
    {
        var file = Path.Combine(_case, "labels.txt");
        File.WriteAllText(file, labels);
        return file;
    }

    private int LineOf(string relative, string text) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(_case, relative)), line => line.Contains(text, StringComparison.Ordinal)) + 1;

    private static string RepoRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));
}
