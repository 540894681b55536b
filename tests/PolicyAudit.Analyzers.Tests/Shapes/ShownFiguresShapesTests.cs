using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a hotel's dining service, a freelance job board and a CRM (docs/analyzer-evaluation.md, ninth round):
/// a governed state read to build what is shown, not to decide. An order's total without its voided items stored in
/// a DTO, an AutoMapper profile copying the accepted proposal's freelancer, and the accepted proposal looked up to read
/// its freelancer are not the policy's checks; the same sum compared with a limit, and an accepted proposal found only
/// to see whether there is one, are.
/// </summary>
public sealed class ShownFiguresShapesTests
{
    private const string Domain = """
        using System.Collections.Generic;
        namespace Jobs
        {
            public enum ItemStatus { Ordered, Served, Voided }

            public sealed class OrderItem
            {
                public ItemStatus Status { get; set; }
                public decimal Price { get; set; }
            }

            public sealed class Order
            {
                public List<OrderItem> Items { get; set; } = new();
            }

            public sealed class Proposal
            {
                public int Id { get; set; }
                public int JobId { get; set; }
                public string Status { get; set; } = "Pending";
                public string FreelancerName { get; set; } = "";
            }

            public sealed class Job
            {
                public int Id { get; set; }
                public List<Proposal> Proposals { get; set; } = new();
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Jobs;
        namespace Jobs.Policies
        {
            [Policy("voided-items-stay-voided")]
            public sealed class VoidedItemsStayVoided : Policy
            {
                public override void Define()
                {
                    OrderItem item = null!;
                    When().Match(() => item, i => i.Status == ItemStatus.Voided);
                    Then().Deny("A voided item cannot be changed.");
                }
            }

            [Policy("one-accepted-proposal")]
            public sealed class OneAcceptedProposal : Policy
            {
                public override void Define()
                {
                    Proposal proposal = null!;
                    When().Match(() => proposal, p => p.Status == "Accepted");
                    Then().Deny("The job already has an accepted proposal.");
                }
            }
        }
        """;

    private const string AutoMapperStub = """
        using System;
        using System.Linq.Expressions;
        namespace AutoMapper
        {
            public interface IMemberOptions<TSource> { void MapFrom<TMember>(Func<TSource, TMember> resolver); }
            public interface IMappingExpression<TSource, TDestination>
            {
                IMappingExpression<TSource, TDestination> ForMember<TMember>(Expression<Func<TDestination, TMember>> member, Action<IMemberOptions<TSource>> options);
            }
            public abstract class Profile
            {
                protected IMappingExpression<TSource, TDestination> CreateMap<TSource, TDestination>() => throw new NotImplementedException();
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies, AutoMapperStub], expected);

    [Fact]
    public async Task TotalWithoutVoidedItemsStoredForDisplay_IsNotReported()
    {
        await VerifyAsync("""
            using System.Linq;
            using Jobs;
            public sealed class OrderView { public decimal ItemsTotal { get; set; } }
            public static class Orders
            {
                public static OrderView Show(Order order) => new OrderView
                {
                    ItemsTotal = order.Items.Where(i => i.Status != ItemStatus.Voided).Sum(i => i.Price),
                };
            }
            """);
    }

    [Fact]
    public async Task TotalWithoutVoidedItemsComparedWithALimit_IsReported()
    {
        await VerifyAsync("""
            using System;
            using System.Linq;
            using Jobs;
            public static class Orders
            {
                public static void Charge(Order order, decimal limit)
                {
                    var total = order.Items.Where(i => {|#0:i.Status != ItemStatus.Voided|}).Sum(i => i.Price);
                    if (total > limit)
                    {
                        throw new InvalidOperationException("Over the limit.");
                    }
                }
            }
            """,
            VerifyCS.Expected(0, "i.Status != ItemStatus.Voided", "policy 'voided-items-stay-voided'"));
    }

    [Fact]
    public async Task StateInAnAutoMapperProfile_IsNotReported()
    {
        await VerifyAsync("""
            using System.Linq;
            using AutoMapper;
            using Jobs;
            public sealed class JobDto { public string? AssignedFreelancer { get; set; } }
            public sealed class JobsProfile : Profile
            {
                public JobsProfile()
                {
                    CreateMap<Job, JobDto>()
                        .ForMember(d => d.AssignedFreelancer, o => o.MapFrom(s => s.Proposals.Any(p => p.Status == "Accepted")
                            ? s.Proposals.First(p => p.Status == "Accepted").FreelancerName
                            : null));
                }
            }
            """);
    }

    [Fact]
    public async Task AcceptedElementLookedUpToReadIt_IsNotReportedButFoundOnlyForPresence_IsReported()
    {
        await VerifyAsync("""
            using System;
            using System.Linq;
            using Jobs;
            public static class Proposals
            {
                public static string? Assigned(Job job)
                {
                    var accepted = job.Proposals.FirstOrDefault(p => p.Status == "Accepted");
                    return accepted?.FreelancerName;
                }

                public static void Accept(Job job, Proposal proposal)
                {
                    var existing = job.Proposals.FirstOrDefault(p => p.Id != proposal.Id && {|#0:p.Status == "Accepted"|});
                    if (existing != null)
                    {
                        throw new InvalidOperationException("Only one proposal can be accepted.");
                    }

                    proposal.Status = "Accepted";
                }
            }
            """,
            VerifyCS.Expected(0, "p.Status == \"Accepted\"", "policy 'one-accepted-proposal'"));
    }
}
