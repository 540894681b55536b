using System.Diagnostics;
using Microsoft.CodeAnalysis;
using PolicyAudit.Analyzers.Evaluation;

// policyaudit-evaluate <case-folder> [--analyzer <PolicyAudit.Analyzers.dll>] [--option key=value]...: see README.md.
if (args.Length == 0 || args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("usage: PolicyAudit.Analyzers.Evaluation <case-folder> [--analyzer <PolicyAudit.Analyzers.dll>] [--option key=value]...");
    Console.WriteLine("Compiles the case's Stubs, Domain, Policies and App, applies PA0006's [GovernedBy] marking, and scores PA0001 against labels.txt.");
    return args.Length == 0 ? 2 : 0;
}

var caseDirectory = Path.GetFullPath(args[0]);
var analyzerIndex = Array.IndexOf(args, "--analyzer");
var analyzerPath = analyzerIndex >= 0 && analyzerIndex + 1 < args.Length
    ? args[analyzerIndex + 1]
    : Path.Combine(AppContext.BaseDirectory, "PolicyAudit.Analyzers.dll");
if (!Directory.Exists(caseDirectory))
{
    Console.Error.WriteLine($"error: case folder not found: {caseDirectory}");
    return 2;
}

var labelsFile = Path.Combine(caseDirectory, "labels.txt");
if (!File.Exists(labelsFile))
{
    Console.Error.WriteLine($"error: {labelsFile} not found: label the checks before running (see README.md)");
    return 2;
}

try
{
    var overrides = new List<KeyValuePair<string, string>>();
    for (var i = 1; i < args.Length; i++)
    {
        if (args[i] == "--option")
        {
            overrides.Add(CaseOptions.ParseOverride(i + 1 < args.Length ? args[++i] : string.Empty));
        }
    }

    var result = await CaseRun.RunAsync(caseDirectory, AnalyzerSet.Load(analyzerPath), Label.ReadAll(labelsFile), Console.Out, overrides);
    return result.Exceptions > 0 ? 1 : 0;
}
catch (Exception e) when (e is FormatException or FileNotFoundException or DirectoryNotFoundException or InvalidOperationException)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 2;
}
