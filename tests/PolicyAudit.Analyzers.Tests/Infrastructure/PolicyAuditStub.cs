namespace PolicyAudit.Analyzers.Tests.Infrastructure;

/// <summary>
/// C# source of a stand-in "PolicyAudit" assembly with the runtime's public shapes, so analyzer tests reference a
/// real metadata assembly exactly as a user's project references the package.
/// </summary>
internal static class PolicyAuditStub
{
    public const string Source = """
        #nullable enable
        using System;
        using System.Linq.Expressions;
        using System.Threading;
        using System.Threading.Tasks;

        namespace PolicyAudit.Rules
        {
            public abstract class Rule
            {
                protected abstract void Define();
                protected LeftHandSide When() => new LeftHandSide();
                protected RightHandSide Then() => new RightHandSide();
            }

            public sealed class LeftHandSide
            {
                public LeftHandSide Match<T>(Expression<Func<T>> alias, params Expression<Func<T, bool>>[] conditions) => this;
                public LeftHandSide Not<T>(params Expression<Func<T, bool>>[] conditions) => this;
                public LeftHandSide Exists<T>(params Expression<Func<T, bool>>[] conditions) => this;
                public LeftHandSide All<T>(params Expression<Func<T, bool>>[] conditions) => this;
                public LeftHandSide Let<T>(Expression<Func<T>> alias, Expression<Func<T>> value) => this;
                public LeftHandSide Having(params Expression<Func<bool>>[] conditions) => this;
            }

            public sealed class RightHandSide
            {
                public RightHandSide Deny(string reason) => this;
                public RightHandSide RequireApproval(string reason) => this;
                public RightHandSide Allow(string reason) => this;
            }
        }

        namespace PolicyAudit
        {
            public abstract class Policy : Rules.Rule
            {
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
