namespace PolicyAudit.Analyzers.Tests.Infrastructure;

/// <summary>
/// C# source of a stand-in "PolicyAudit" assembly with the runtime's public shapes, so analyzer tests reference a
/// real metadata assembly exactly as a user's project references the package.
/// </summary>
internal static class PolicyAuditStub
{
    /// <summary>
    /// Stand-in for the NRules.Fluent assembly (NRules 1.0's fluent DSL) that PolicyAudit's <c>Policy</c> derives from;
    /// compiled as its own assembly, as the package brings it.
    /// </summary>
    public const string NRulesSource = """
        #nullable enable
        using System;
        using System.Linq.Expressions;
        using System.Threading;
        using System.Threading.Tasks;

        namespace NRules.Fluent.Dsl
        {
            // NRules 1.0's fluent DSL, as far as policies use it: the analyzer sees only these public shapes.
            public abstract class Rule
            {
                public abstract void Define();
                protected ILeftHandSideExpression When() => null!;
                protected IRightHandSideExpression Then() => null!;
                protected IDependencyExpression Dependency() => null!;
            }

            public interface ILeftHandSideExpression
            {
                ILeftHandSideExpression Match<TFact>(Expression<Func<TFact>> alias, params Expression<Func<TFact, bool>>[] conditions);
                ILeftHandSideExpression Match<TFact>(params Expression<Func<TFact, bool>>[] conditions);
                ILeftHandSideExpression Exists<TFact>(params Expression<Func<TFact, bool>>[] conditions);
                ILeftHandSideExpression Not<TFact>(params Expression<Func<TFact, bool>>[] conditions);
                ILeftHandSideExpression All<TFact>(Expression<Func<TFact, bool>> baseCondition, params Expression<Func<TFact, bool>>[] conditions);
                ILeftHandSideExpression Query<TResult>(Expression<Func<TResult>> alias, Func<IQuery, IQuery<TResult>> queryAction);
                ILeftHandSideExpression Or(Action<ILeftHandSideExpression> builder);
                ILeftHandSideExpression And(Action<ILeftHandSideExpression> builder);
                ILetExpression Let<TResult>(Expression<Func<TResult>> alias, Expression<Func<TResult>> expression);
            }

            public interface ILetExpression : ILeftHandSideExpression
            {
                ILeftHandSideExpression Having(params Expression<Func<bool>>[] conditions);
            }

            public interface IQuery
            {
                IQuery<TSource> Match<TSource>(params Expression<Func<TSource, bool>>[] conditions);
            }

            public interface IQuery<out TSource>
            {
            }

            public static class QueryExtensions
            {
                public static IQuery<TSource> Where<TSource>(this IQuery<TSource> source, params Expression<Func<TSource, bool>>[] predicates) => source;
                public static IQuery<System.Collections.Generic.IEnumerable<TSource>> Collect<TSource>(this IQuery<TSource> source) => null!;
            }

            public interface IRightHandSideExpression
            {
                IRightHandSideExpression Do(Expression<Action<NRules.RuleModel.IContext>> action);
            }

            public interface IDependencyExpression
            {
                IDependencyExpression Resolve<TDependency>(Expression<Func<TDependency>> alias);
            }
        }

        namespace NRules.RuleModel
        {
            public interface IContext
            {
            }
        }
        """;

    public const string Source = """
        #nullable enable
        using System;
        using System.Linq.Expressions;
        using System.Threading;
        using System.Threading.Tasks;

        namespace PolicyAudit
        {
            public abstract class Policy : NRules.Fluent.Dsl.Rule
            {
                protected new PolicyOutcome Then() => new PolicyOutcome();
            }

            public sealed class PolicyOutcome
            {
                public PolicyOutcome Deny(string reason) => this;
                public PolicyOutcome Deny(Expression<Func<string>> reason) => this;
                public PolicyOutcome RequireApproval(string reason) => this;
                public PolicyOutcome RequireApproval(Expression<Func<string>> reason) => this;
                public PolicyOutcome Allow(string reason) => this;
                public PolicyOutcome Allow(Expression<Func<string>> reason) => this;
            }

            [AttributeUsage(AttributeTargets.Class)]
            public sealed class PolicyAttribute : Attribute
            {
                public PolicyAttribute(string id) => Id = id;
                public string Id { get; }
                public string? Title { get; set; }
                public string? Owner { get; set; }
                public StaffRole OverridableBy { get; set; }
                public string? Rationale { get; set; }
            }

            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Method, AllowMultiple = true)]
            public sealed class GovernedByAttribute : Attribute
            {
                public GovernedByAttribute(string policyId) => PolicyId = policyId;
                public string PolicyId { get; }
                public string? Conditions { get; set; }
            }

            [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
            public sealed class GovernedMemberAttribute : Attribute
            {
                public GovernedMemberAttribute(string documentationId, string policyId)
                {
                    DocumentationId = documentationId;
                    PolicyId = policyId;
                }

                public string DocumentationId { get; }
                public string PolicyId { get; }
                public string? Conditions { get; set; }
            }

            public interface IPolicyEngine
            {
                Decision Evaluate(params object[] facts);
            }

            public sealed class Decision
            {
                public string Id { get; } = "d-1";
                public DecisionOutcome Outcome { get; }
            }

            public enum DecisionOutcome { Allow, RequireApproval, Deny }

            public enum StaffRole { Staff, Supervisor, Manager, Owner, Nobody }

            public sealed record StaffMember(string Id, StaffRole Role);

            public sealed class OverrideReceipt
            {
            }

            public interface IOverrideRecorder
            {
                Task<OverrideReceipt> OverrideAsync(Decision decision, StaffMember by, string justification, StaffMember? approvedBy = null, CancellationToken cancellationToken = default);
            }

            public interface IOverrideHistory
            {
                int CountOverrides(string policyId);
            }
        }
        """;
}
