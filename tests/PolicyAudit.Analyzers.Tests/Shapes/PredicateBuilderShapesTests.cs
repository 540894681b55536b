using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a library system (docs/analyzer-evaluation.md, ninth round): a search built with a predicate builder
/// (<c>predicate = predicate.And(f =&gt; f.Amount &gt;= minAmount)</c>) from an optional criterion copied into a local
/// (<c>var minAmount = searchParams.MinAmount.Value</c>) filters by the caller's bound; a policy's own threshold in the
/// same builder is still its check.
/// </summary>
public sealed class PredicateBuilderShapesTests
{
    private const string Domain = """
        using System;
        using System.Linq.Expressions;
        namespace Fines
        {
            public sealed class Fine { public decimal Amount { get; set; } }

            public sealed class FineSearch { public decimal? MinAmount { get; set; } }

            public static class PredicateBuilder
            {
                public static Expression<Func<T, bool>> And<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) => left;
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Fines;
        namespace Fines.Policies
        {
            [Policy("fine-cap")]
            public sealed class FineCap : Policy
            {
                public override void Define()
                {
                    Fine fine = null!;
                    When().Match(() => fine, f => f.Amount > 25);
                    Then().Deny("Fines are capped at 25.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task OptionalCriterionCopiedIntoALocal_InAPredicateBuilder_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using System.Linq.Expressions;
            using Fines;
            public static class FineQueries
            {
                public static Expression<Func<Fine, bool>> Build(FineSearch search)
                {
                    Expression<Func<Fine, bool>> predicate = f => true;
                    if (search.MinAmount.HasValue)
                    {
                        var minAmount = search.MinAmount.Value;
                        predicate = predicate.And(f => f.Amount >= minAmount);
                    }

                    return predicate;
                }
            }
            """);
    }

    [Fact]
    public async Task PolicyThresholdInAPredicateBuilder_IsReported()
    {
        await VerifyAsync("""
            using System;
            using System.Linq.Expressions;
            using Fines;
            public static class FineQueries
            {
                public static Expression<Func<Fine, bool>> OverCap(Expression<Func<Fine, bool>> predicate) =>
                    predicate.And(f => {|#0:f.Amount > 25|});
            }
            """,
            VerifyCS.Expected(0, "f.Amount > 25", "policy 'fine-cap'"));
    }
}
