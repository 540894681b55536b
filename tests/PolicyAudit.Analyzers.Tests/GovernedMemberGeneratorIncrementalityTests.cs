using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using PolicyAudit.Analyzers.Governance;
using PolicyAudit.Analyzers.Tests.Infrastructure;
using PolicyAudit.Analyzers.Tests.Verifiers;

namespace PolicyAudit.Analyzers.Tests;

/// <summary>
/// Incrementality of <see cref="GovernedMemberGenerator"/> in the way Roslyn's cookbook tests it: a driver that
/// tracks steps, kept from one run to the next, and what each named step reports after an edit.
/// </summary>
public sealed class GovernedMemberGeneratorIncrementalityTests
{
    private const string Limits = """
        namespace Shop
        {
            public static class Limits
            {
                public const int RefundDays = 30;
            }
        }
        """;

    private const string RefundPolicy = """
        using PolicyAudit;
        using Shop;

        namespace Shop.Policies
        {
            [Policy("refund-window")]
            public sealed class RefundWindowPolicy : Policy
            {
                public override void Define()
                {
                    Order order = null!;
                    When().Match<Order>(() => order, o => o.DaysSincePurchase > Limits.RefundDays);
                    Then().Deny("Refunds are accepted within 30 days of purchase.");
                }
            }
        }
        """;

    private const string LoyaltyPolicy = """
        using PolicyAudit;
        using Shop;

        namespace Shop.Policies
        {
            [Policy("loyal-customer")]
            public sealed class LoyalCustomerPolicy : Policy
            {
                public override void Define()
                {
                    Customer customer = null!;
                    When().Match<Customer>(() => customer, c => c.Visits > 10);
                    Then().RequireApproval("Regulars are served by the manager.");
                }
            }
        }
        """;

    private const string Desk = """
        namespace Shop.App
        {
            public sealed class Desk
            {
                public string Greet(string name)
                {
                    return "Hello " + name;
                }
            }
        }
        """;

    private static readonly AdditionalText GovernedList =
        new TestAdditionalText("/src/Policies/PolicyAudit.Governed.txt", "P:System.DateTime.Hour;opening-hours\n");

    [Fact]
    public void RunGenerators_MethodBodyEditedElsewhere_EveryNamedStepIsCachedOrUnchanged()
    {
        var (compilation, driver) = FirstRun(new GovernedMemberGenerator());

        var result = driver.RunGenerators(Edit(compilation, "/src/Policies/File4.cs", "\"Hello \"", "\"Welcome \"")).GetRunResult().Results.Single();

        foreach (var step in GovernedMemberGenerator.TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} did not run");
            var reasons = result.TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => output.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"step {step} reported {reason} after an edit inside a method body of another file"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void RunGenerators_MethodBodyEditedElsewhere_BindsNoPolicyAgainAndWritesTheSame()
    {
        var generator = new GovernedMemberGenerator();
        var (compilation, driver) = FirstRun(generator);
        var before = Generated(driver.GetRunResult());
        var bindings = generator.PolicyBindings;

        var after = Generated(driver.RunGenerators(Edit(compilation, "/src/Policies/File4.cs", "\"Hello \"", "\"Welcome \"")).GetRunResult());

        Assert.Equal(2, bindings);
        Assert.Equal(bindings, generator.PolicyBindings);
        Assert.Equal(before, after);
    }

    [Fact]
    public void RunGenerators_NamedStepOutputs_HoldNoCompilationSymbolOrSyntax()
    {
        var (compilation, driver) = FirstRun(new GovernedMemberGenerator());
        var edited = driver.RunGenerators(Edit(compilation, "/src/Policies/File2.cs", "> Limits.RefundDays", ">= Limits.RefundDays"));

        foreach (var result in new[] { driver.GetRunResult(), edited.GetRunResult() })
        {
            foreach (var step in GovernedMemberGenerator.TrackedSteps)
            {
                foreach (var output in result.Results.Single().TrackedSteps[step].SelectMany(run => run.Outputs))
                {
                    AssertHoldsNoRoslynObject(output.Value, step, depth: 0);
                }
            }
        }
    }

    [Fact]
    public void RunGenerators_PolicyConditionEdited_WritesTheNewTestAndBindsOnlyThatPolicy()
    {
        var generator = new GovernedMemberGenerator();
        var (compilation, driver) = FirstRun(generator);
        var bindings = generator.PolicyBindings;

        var result = driver.RunGenerators(Edit(compilation, "/src/Policies/File3.cs", "c.Visits > 10", "c.Visits > 12")).GetRunResult();

        var generated = Generated(result);
        Assert.Contains("(\"P:Shop.Customer.Visits\", \"loyal-customer\", Conditions = \">12\")", generated, StringComparison.Ordinal);
        Assert.DoesNotContain(">10", generated, StringComparison.Ordinal);
        Assert.Equal(bindings + 1, generator.PolicyBindings);
        Assert.Contains(
            result.Results.Single().TrackedSteps[GovernedMemberGenerator.PoliciesStep].SelectMany(run => run.Outputs),
            output => output.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void RunGenerators_ConstantEditedInAnotherFile_WritesTheNewThreshold()
    {
        var generator = new GovernedMemberGenerator();
        var (compilation, driver) = FirstRun(generator);
        Assert.Contains("Conditions = \">30\"", Generated(driver.GetRunResult()), StringComparison.Ordinal);

        var generated = Generated(driver.RunGenerators(Edit(compilation, "/src/Policies/File1.cs", "RefundDays = 30", "RefundDays = 45")).GetRunResult());

        Assert.Contains("(\"P:Shop.Order.DaysSincePurchase\", \"refund-window\", Conditions = \">45\")", generated, StringComparison.Ordinal);
        Assert.DoesNotContain(">30", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void RunGenerators_DomainMemberTypeChangedInAnotherFile_GovernsWhatThePolicyNowReads()
    {
        // LastOrder turns from a navigation to another order (not governed) into a value the condition decides on.
        var domain = ShopSources.Domain.Replace(
            "public int Visits { get; set; }",
            "public int Visits { get; set; }\n        public Order LastOrder { get; set; } = new();\n    }\n\n    public struct Snapshot\n    {\n        public decimal Total { get; set; }",
            StringComparison.Ordinal);
        var policy = LoyaltyPolicy.Replace("c => c.Visits > 10", "c => c.LastOrder.Total > 10", StringComparison.Ordinal);
        var generator = new GovernedMemberGenerator();
        var compilation = TestFramework.Net100.CreateCompilation("Policies", [domain, policy]);
        var driver = CreateDriver(generator).RunGenerators(compilation);
        Assert.Contains("(\"P:Shop.Order.Total\", \"loyal-customer\", Conditions = \">10\")", Generated(driver.GetRunResult()), StringComparison.Ordinal);

        var generated = Generated(driver.RunGenerators(
            Edit(compilation, "/src/Policies/File0.cs", "public Order LastOrder { get; set; } = new();", "public Snapshot LastOrder { get; set; }")).GetRunResult());

        Assert.Contains("\"P:Shop.Customer.LastOrder\"", generated, StringComparison.Ordinal);
        Assert.Contains("(\"P:Shop.Snapshot.Total\", \"loyal-customer\", Conditions = \">10\")", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("Shop.Order.Total", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void RunGenerators_SamePolicyTreeInTwoCompilations_EachGetsItsOwnConstants()
    {
        // One generator instance serving two projects that share the policy file (a linked file) but not the limits.
        var generator = new GovernedMemberGenerator();
        var (compilation, driver) = FirstRun(generator);
        var policyTree = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Policies/File2.cs");
        var other = TestFramework.Net100.CreateCompilation("Other", [ShopSources.Domain, Limits.Replace("= 30", "= 60", StringComparison.Ordinal)])
            .AddSyntaxTrees(policyTree);

        var otherGenerated = Generated(CreateDriver(generator).RunGenerators(other).GetRunResult());
        var firstGenerated = Generated(driver.RunGenerators(Edit(compilation, "/src/Policies/File4.cs", "\"Hello \"", "\"Welcome \"")).GetRunResult());

        Assert.Contains("Conditions = \">60\"", otherGenerated, StringComparison.Ordinal);
        Assert.Contains("Conditions = \">30\"", firstGenerated, StringComparison.Ordinal);
    }

    [Fact]
    public void RunGenerators_PolicyFileRemoved_StopsWritingItsMembers()
    {
        var (compilation, driver) = FirstRun(new GovernedMemberGenerator());

        var generated = Generated(driver.RunGenerators(
            compilation.RemoveSyntaxTrees(compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Policies/File3.cs"))).GetRunResult());

        Assert.DoesNotContain("loyal-customer", generated, StringComparison.Ordinal);
        Assert.Contains("refund-window", generated, StringComparison.Ordinal);
    }

    private static (CSharpCompilation Compilation, GeneratorDriver Driver) FirstRun(GovernedMemberGenerator generator)
    {
        var compilation = TestFramework.Net100.CreateCompilation("Policies", [ShopSources.Domain, Limits, RefundPolicy, LoyaltyPolicy, Desk]);
        return (compilation, CreateDriver(generator).RunGenerators(compilation));
    }

    private static GeneratorDriver CreateDriver(GovernedMemberGenerator generator) =>
        CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            [GovernedList],
            TestFramework.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static CSharpCompilation Edit(CSharpCompilation compilation, string path, string oldText, string newText)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var text = tree.GetText().ToString();
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(text.Replace(oldText, newText, StringComparison.Ordinal))));
    }

    private static string Generated(GeneratorDriverRunResult result) =>
        result.GeneratedTrees.Single(t => t.FilePath.EndsWith(GovernedMemberGenerator.HintName, StringComparison.Ordinal)).ToString();

    /// <summary>
    /// Walks a step's output as the cookbook suggests: a compilation, symbol, semantic model, tree or node kept in a
    /// cached table roots memory and never compares equal, so none may appear anywhere inside it.
    /// </summary>
    private static void AssertHoldsNoRoslynObject(object? value, string step, int depth)
    {
        Assert.True(depth < 10, $"step {step}'s output nests deeper than expected");
        switch (value)
        {
            case null or string or Enum:
                return;
            case Compilation or ISymbol or SemanticModel or SyntaxTree or SyntaxNode or Location:
                Assert.Fail($"step {step} outputs a {value.GetType().Name}");
                return;
            case ITuple tuple:
                for (var i = 0; i < tuple.Length; i++)
                {
                    AssertHoldsNoRoslynObject(tuple[i], step, depth + 1);
                }

                return;
            case IEnumerable items:
                foreach (var item in items)
                {
                    AssertHoldsNoRoslynObject(item, step, depth + 1);
                }

                return;
        }

        var type = value.GetType();
        if (type.IsPrimitive)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            AssertHoldsNoRoslynObject(property.GetValue(value), step, depth + 1);
        }
    }
}
