using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PolicyAudit.Benchmarks.Analyzer;

/// <summary>
/// A generated application of <see cref="Files"/> C# files that uses PolicyAudit: 20 policies over 20 fact classes,
/// and desks that ask the engine, record overrides, compute totals with LINQ, build text, read the clock and log to
/// the console; one desk in ten also hard-codes a policy check (PA0001) and uses a banned API.
/// </summary>
internal static class GeneratedProject
{
    public const int Files = 1_000;
    private const int Policies = 20;

    public const string BannedSymbols = """
        P:System.DateTime.Now;Use TimeProvider, so tests control the clock
        M:System.Console.WriteLine(System.String);Log through ILogger
        T:System.Random;Use a seeded source passed in
        """;

    public static CSharpCompilation Compilation()
    {
        var compilation = Sources(withPolicies: true);

        // The compiler runs the package's generator before analyzers: it writes [assembly: GovernedMember] for every
        // member a policy condition reads, which is how PA0001 knows what is governed.
        CSharpGeneratorDriver.Create(new PolicyAudit.Analyzers.Governance.GovernedMemberGenerator())
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
        compilation = (CSharpCompilation)generated;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException($"The generated project does not compile ({errors.Length} errors), first: {errors[0]}");
        }

        return compilation;
    }

    /// <summary>The project as written, before any generator ran; without policies it is an app that only asks the engine.</summary>
    public static CSharpCompilation Sources(bool withPolicies)
    {
        var trees = new List<SyntaxTree>(Files);
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        for (var p = 0; p < Policies; p++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(Fact(p), options, $"Policies/Order{p}.cs"));
            trees.Add(withPolicies
                ? CSharpSyntaxTree.ParseText(Policy(p), options, $"Policies/Limit{p}.cs")
                : CSharpSyntaxTree.ParseText($"namespace Generated.Policies;\n\npublic static class Note{p} {{ }}\n", options, $"Policies/Note{p}.cs"));
        }

        for (var d = trees.Count; d < Files; d++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(Desk(d), options, $"App/Desk{d}.cs"));
        }

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(Policy).Assembly.Location)
            .Append(typeof(NRules.Fluent.Dsl.Rule).Assembly.Location)
            .Append(typeof(NRules.RuleModel.IContext).Assembly.Location)
            .Select(p => MetadataReference.CreateFromFile(p));
        return CSharpCompilation.Create(
            "Generated.App",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static ImmutableArray<DiagnosticAnalyzer> PolicyAuditAnalyzers() =>
    [
        .. typeof(PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!),
    ];

    public static ImmutableArray<DiagnosticAnalyzer> BannedApiAnalyzers()
    {
        var folder = typeof(GeneratedProject).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BannedApiAnalyzersFolder").Value!;
        var loader = new DefaultContextAnalyzerLoader();
        loader.AddDependencyLocation(Path.Combine(folder, "Microsoft.CodeAnalysis.BannedApiAnalyzers.dll"));
        var reference = new AnalyzerFileReference(Path.Combine(folder, "Microsoft.CodeAnalysis.CSharp.BannedApiAnalyzers.dll"), loader);
        var analyzers = reference.GetAnalyzers(LanguageNames.CSharp);
        return analyzers.IsEmpty
            ? throw new InvalidOperationException($"No C# analyzer found in {reference.FullPath}.")
            : analyzers;
    }

    private static string Fact(int p) => $$"""
        namespace Generated.Policies;

        public sealed class Order{{p}}
        {
            public required string Number { get; init; }
            public int DaysSincePurchase { get; init; }
            public decimal Total { get; init; }
            public bool IsOpened { get; init; }
        }
        """;

    private static string Policy(int p) => $$"""
        using PolicyAudit;

        namespace Generated.Policies;

        [Policy("refund-window-{{p}}", Title = "Refunds of line {{p}} within {{30 + p}} days", Owner = "store-operations", OverridableBy = StaffRole.Supervisor,
            Rationale = "Goods returned late can rarely be sold again.")]
        public sealed class Limit{{p}} : Policy
        {
            public override void Define()
            {
                Order{{p}} order = null!;
                When().Match(() => order, o => o.DaysSincePurchase > {{30 + p}}, o => !o.IsOpened);
                Then().Deny(() => "Order " + order.Number + " is past the refund window");
            }
        }
        """;

    private static string Desk(int d)
    {
        var p = d % Policies;
        var hardCoded = d % 10 == 0;
        return string.Create(CultureInfo.InvariantCulture, $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Text;
            using System.Threading.Tasks;
            using Generated.Policies;
            using PolicyAudit;

            namespace Generated.App.Area{{d % 25}};

            public sealed class Desk{{d}}(IPolicyEngine engine, IOverrideRecorder overrides)
            {
                public async Task<string> RefundAsync(Order{{p}} order, StaffMember clerk, string? reason)
                {
                    var decision = engine.Evaluate(order);
                    if (decision.Outcome == DecisionOutcome.Allow)
                    {
                        return "Refunded " + order.Total.ToString("0.00") + " for " + order.Number;
                    }

                    if (reason is null)
                    {
                        return "Not refunded (" + decision.Outcome + ")";
                    }

                    var receipt = await overrides.OverrideAsync(decision, clerk, reason);
                    return "Refunded as exception " + receipt.OverrideId;
                }

                public decimal LargeOrders(IEnumerable<Order{{p}}> orders, decimal over) =>
                    orders.Where(o => o.Total > over).Select(o => o.Total).DefaultIfEmpty().Sum();

                public string Summary(IReadOnlyList<Order{{p}}> orders)
                {
                    var text = new StringBuilder();
                    for (var i = 0; i < orders.Count; i++)
                    {
                        if (i % 2 == 0 && orders[i].Total >= {{d % 7 + 1}}m)
                        {
                            text.Append(orders[i].Number).Append(';');
                        }
                    }

                    return text.Length == 0 ? "none" : text.ToString();
                }

                public int Classify(int count) => count switch
                {
                    0 => 0,
                    < {{d % 9 + 2}} => 1,
                    _ => 2,
                };
            {{(hardCoded ? $$"""

                public bool QuickCheck(Order{{p}} order) => order.DaysSincePurchase > {{30 + p}};

                public DateTime Stamp()
                {
                    Console.WriteLine("stamped");
                    return DateTime.Now;
                }
            """ : string.Empty)}}
            }
            """);
    }
}
