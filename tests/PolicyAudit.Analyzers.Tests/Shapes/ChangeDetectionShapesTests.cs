using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a car-rental service, a stock keeper and a lending app (docs/analyzer-evaluation.md, tenth round):
/// tests that ask whether a value changed (a no-op before writing the state tested, an old value against a new one,
/// a text's length, a message's wording) read a governed member without asking the policy's question.
/// </summary>
public sealed class ChangeDetectionShapesTests
{
    private const string Domain = """
        namespace Rental
        {
            public enum CustomerStatus { Active, Suspended, Blocked }

            public sealed class Customer
            {
                public CustomerStatus Status { get; set; }
                public string Licence { get; set; } = "";
                public string RoleName { get; set; } = "";
                public decimal UnitPrice { get; set; }
            }

            public sealed class PriceLine
            {
                public decimal UnitPrice { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Rental;
        namespace Rental.Policies
        {
            [Policy("active-customers-only")]
            public sealed class ActiveCustomersOnly : Policy
            {
                public override void Define()
                {
                    Customer customer = null!;
                    When().Match(() => customer, c => c.Status != CustomerStatus.Active);
                    Then().Deny("Only active customers may rent.");
                }
            }

            [Policy("licence-required")]
            public sealed class LicenceRequired : Policy
            {
                public override void Define()
                {
                    Customer customer = null!;
                    When().Match(() => customer, c => c.Licence == null);
                    Then().Deny("A licence is required.");
                }
            }

            [Policy("admins-not-deleted")]
            public sealed class AdminsNotDeleted : Policy
            {
                public override void Define()
                {
                    Customer customer = null!;
                    When().Match(() => customer, c => c.RoleName == "Admin");
                    Then().Deny("Administrators are not deleted.");
                }
            }

            [Policy("price-cut-confirmed")]
            public sealed class PriceCutConfirmed : Policy
            {
                public override void Define()
                {
                    Customer product = null!;
                    PriceLine line = null!;
                    When().Match(() => line, l => l.UnitPrice > 0)
                          .Match(() => product, p => line.UnitPrice < p.UnitPrice);
                    Then().RequireApproval(() => "The price falls.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task Activate_StateAlreadyWrittenByTheMethod_IsNotReported()
    {
        await VerifyAsync("""
            using Rental;
            public static class Accounts
            {
                public static Customer Activate(Customer customer, string reason)
                {
                    if (customer.Status == CustomerStatus.Active)
                        return customer;

                    return ChangeStatus(customer, CustomerStatus.Active, reason);
                }

                private static Customer ChangeStatus(Customer customer, CustomerStatus status, string reason) =>
                    new Customer { Status = status, Licence = customer.Licence };
            }
            """);
    }

    [Fact]
    public async Task Activate_StateWrittenThroughTheCopysNamedArgument_IsNotReported()
    {
        await VerifyAsync("""
            namespace Fleet
            {
                public enum VehicleStatus { Available, Rented }

                public sealed class Vehicle
                {
                    public VehicleStatus Status { get; private set; }

                    public Vehicle MakeAvailable()
                    {
                        if (Status == VehicleStatus.Available) return this;
                        return ChangeStatus(VehicleStatus.Available);
                    }

                    public Vehicle ChangeStatus(VehicleStatus newStatus) => Copy(status: newStatus);

                    private Vehicle Copy(VehicleStatus? status = null) => new Vehicle { Status = status ?? Status };
                }

                [PolicyAudit.Policy("rentable-only")]
                public sealed class RentableOnly : PolicyAudit.Policy
                {
                    public override void Define()
                    {
                        Vehicle vehicle = null!;
                        When().Match(() => vehicle, v => v.Status != VehicleStatus.Available);
                        Then().Deny("The vehicle is not available.");
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Reinstate_AnyOfTheStatesTheMethodWrites_IsNotReported()
    {
        await VerifyAsync("""
            using Rental;
            public static class Accounts
            {
                public static void Reinstate(Customer customer, bool onProbation)
                {
                    if (customer.Status == CustomerStatus.Active || customer.Status == CustomerStatus.Suspended)
                    {
                        return;
                    }

                    customer.Status = CustomerStatus.Suspended;
                    if (!onProbation)
                    {
                        customer.Status = CustomerStatus.Active;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Activate_BranchAnswersSomethingElse_IsReported()
    {
        await VerifyAsync("""
            using Rental;
            public static class Accounts
            {
                public static string Activate(Customer customer)
                {
                    if ({|#0:customer.Status == CustomerStatus.Active|})
                        return "Rent granted";

                    customer.Status = CustomerStatus.Active;
                    return "Activated";
                }
            }
            """,
            VerifyCS.Expected(0, "customer.Status == CustomerStatus.Active", "policy 'active-customers-only'"));
    }

    [Fact]
    public async Task UpdateLicence_NewValuePassedUnderTheMembersName_IsNotReported()
    {
        await VerifyAsync("""
            using Rental;
            public static class Licences
            {
                public static Customer Update(Customer customer, string newLicence)
                {
                    if (customer.Licence == newLicence)
                        return customer;

                    return Copy(customer, licence: newLicence);
                }

                private static Customer Copy(Customer customer, string? licence = null) =>
                    new Customer { Status = customer.Status, Licence = licence ?? customer.Licence };
            }
            """);
    }

    [Fact]
    public async Task UpdateLicence_ImmutableEntityCopiesUnderTheMembersName_IsNotReported()
    {
        await VerifyAsync("""
            namespace Drivers
            {
                public sealed class Driver
                {
                    public string Licence { get; private set; } = "";

                    public Driver UpdateLicence(string newLicence)
                    {
                        if (Licence == newLicence)
                            return this;

                        return Copy(licence: newLicence);
                    }

                    private Driver Copy(string? licence = null) => new Driver { Licence = (licence ?? Licence).Trim() };
                }

                [PolicyAudit.Policy("licence-on-file")]
                public sealed class LicenceOnFile : PolicyAudit.Policy
                {
                    public override void Define()
                    {
                        Driver driver = null!;
                        When().Match(() => driver, d => d.Licence == "");
                        Then().Deny("A licence is required.");
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task PriceUpdate_TwoVersionsOfOneAttributeCompared_IsNotReported()
    {
        await VerifyAsync("""
            using Rental;
            public static class Prices
            {
                public static bool Changed(Customer product, PriceLine line)
                {
                    var currentPrice = product.UnitPrice;
                    var newPrice = line.UnitPrice;
                    if (newPrice != currentPrice)
                    {
                        return true;
                    }

                    return false;
                }
            }
            """);
    }

    [Fact]
    public async Task PriceUpdate_OrderedAsThePolicyOrdersThem_IsReported()
    {
        await VerifyAsync("""
            using Rental;
            public static class Prices
            {
                public static bool NeedsConfirmation(Customer product, PriceLine line)
                {
                    var currentPrice = product.UnitPrice;
                    var newPrice = line.UnitPrice;
                    return {|#0:newPrice < currentPrice|};
                }
            }
            """,
            VerifyCS.Expected(0, "newPrice < currentPrice", "policy 'price-cut-confirmed'"));
    }

    [Fact]
    public async Task AuditHelper_OldAgainstNewValueOfTheCallers_IsNotReported()
    {
        await VerifyAsync("""
            using System.Collections.Generic;
            using Rental;
            public sealed class Roles
            {
                private readonly List<string> _audit = new();

                public void Update(Customer old, Customer updated) => LogFieldChange("RoleName", old.RoleName, updated.RoleName);

                private void LogFieldChange(string field, string oldValue, string newValue)
                {
                    if (oldValue != newValue)
                    {
                        _audit.Add(field);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Validate_LengthOfTextThePolicyMatchesByWord_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using Rental;
            public static class Roles
            {
                public static void Validate(Customer role)
                {
                    if (role.RoleName.Length < 2 || role.RoleName.Length > 50)
                        throw new ArgumentException("The role name must be 2 to 50 characters.");
                }
            }
            """);
    }

    [Fact]
    public async Task Delete_TextMatchedAsThePolicyMatchesIt_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Rental;
            public static class Roles
            {
                public static void Delete(Customer role)
                {
                    if ({|#0:role.RoleName == "Admin"|})
                        throw new InvalidOperationException("Administrators are not deleted.");
                }
            }
            """,
            VerifyCS.Expected(0, "role.RoleName == \"Admin\"", "policy 'admins-not-deleted'"));
    }

    [Fact]
    public async Task Message_OneOutcomeInTwoWordings_IsNotReported()
    {
        await VerifyAsync("""
            using Rental;
            public static class Receipts
            {
                public static string Describe(PriceLine line, decimal applied)
                {
                    var message = applied == line.UnitPrice
                        ? "Price recorded."
                        : $"Price recorded (adjusted to {applied:0.00}).";
                    return message;
                }
            }
            """);
    }

    [Fact]
    public async Task Message_ChoiceBetweenTwoOutcomes_IsReported()
    {
        await VerifyAsync("""
            using Rental;
            public static class Rentals
            {
                public static string Rent(Customer customer) =>
                    {|#0:customer.Status == CustomerStatus.Active|} ? "Rent granted." : "Rent refused: the account is not active.";
            }
            """,
            VerifyCS.Expected(0, "customer.Status == CustomerStatus.Active", "policy 'active-customers-only'"));
    }

    private const string Workshop = """
        namespace Workshop
        {
            public enum JobStatus { Open, Completed }

            public sealed class Job
            {
                public int Id { get; set; }
                public JobStatus Status { get; set; }
            }

            public sealed record CompleteJobCommand(int JobId);

            public sealed record InvoiceJobCommand(int JobId);

            public interface ISender { void Send(object command); }

            [PolicyAudit.Policy("open-jobs-only")]
            public sealed class OpenJobsOnly : PolicyAudit.Policy
            {
                public override void Define()
                {
                    Job job = null!;
                    When().Match(() => job, j => j.Status == JobStatus.Completed);
                    Then().Deny("The job is done.");
                }
            }
        }
        """;

    [Fact]
    public async Task Complete_StateReachedThroughACommandNamedByItsVerb_IsNotReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using Workshop;
            public static class Payments
            {
                public static void Settle(Job job, ISender sender)
                {
                    if (job.Status == JobStatus.Completed) return;
                    sender.Send(new CompleteJobCommand(job.Id));
                }

                public static string Close(Job job)
                {
                    if (job.Status == JobStatus.Completed) return Describe(job);
                    job.Status = JobStatus.Completed;
                    return Describe(job);
                }

                private static string Describe(Job job) => job.Id.ToString();
            }
            """,
            [Domain, Policies, Workshop]);
    }

    [Fact]
    public async Task Settle_CommandOfAnotherVerb_IsReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using Workshop;
            public static class Payments
            {
                public static void Settle(Job job, ISender sender)
                {
                    if ({|#0:job.Status == JobStatus.Completed|}) return;
                    sender.Send(new InvoiceJobCommand(job.Id));
                }
            }
            """,
            [Domain, Policies, Workshop],
            VerifyCS.Expected(0, "job.Status == JobStatus.Completed", "policy 'open-jobs-only'"));
    }

    [Fact]
    public async Task Reassign_KeyAgainstTheCopyTakenBeforeTheChange_IsNotReported()
    {
        await VerifyAsync("""
            namespace Desk
            {
                public sealed class Ticket
                {
                    public int TeamId { get; set; }
                    public System.Collections.Generic.List<string> Events { get; } = new();
                }

                public sealed class Agent
                {
                    public int TeamId { get; set; }
                }

                public static class Assignment
                {
                    public static void Reassign(Ticket ticket, int teamId)
                    {
                        var previousTeamId = ticket.TeamId;
                        ticket.TeamId = teamId;
                        if (previousTeamId != ticket.TeamId)
                            ticket.Events.Add("moved");
                    }

                    public static void Work(Ticket ticket, Agent agent)
                    {
                        if ({|#0:ticket.TeamId != agent.TeamId|})
                            throw new System.InvalidOperationException("Another team's ticket.");
                    }
                }

                [PolicyAudit.Policy("own-team-tickets")]
                public sealed class OwnTeamTickets : PolicyAudit.Policy
                {
                    public override void Define()
                    {
                        Agent agent = null!;
                        Ticket ticket = null!;
                        When().Match(() => agent).Match(() => ticket, t => t.TeamId != agent.TeamId);
                        Then().Deny("Another team's ticket.");
                    }
                }
            }
            """,
            VerifyCS.Expected(0, "ticket.TeamId != agent.TeamId", "policy 'own-team-tickets'"));
    }

    private const string Orders = """
        namespace Food
        {
            public enum OrderStatus { Placed, Accepted, Cancelled }

            public interface ILogger
            {
                void LogInformation(string message);
            }

            public sealed class Result
            {
                public bool IsFailure { get; init; }
                public static Result Success() => new Result();
                public static Result Failure(string error) => new Result { IsFailure = true };
            }

            public sealed class Coupon
            {
                public bool IsEnabled { get; private set; }

                public Result Enable()
                {
                    if (IsEnabled)
                    {
                        return Result.Success();
                    }

                    IsEnabled = true;
                    return Result.Success();
                }
            }

            public sealed class Order
            {
                public OrderStatus Status { get; private set; }

                public Result Accept()
                {
                    if (Status != OrderStatus.Placed) return Result.Failure("not placed");
                    Status = OrderStatus.Accepted;
                    return Result.Success();
                }
            }

            [PolicyAudit.Policy("enabled-coupons-only")]
            public sealed class EnabledCouponsOnly : PolicyAudit.Policy
            {
                public override void Define()
                {
                    Coupon coupon = null!;
                    When().Match(() => coupon, c => !c.IsEnabled);
                    Then().Deny("The coupon is disabled.");
                }
            }

            [PolicyAudit.Policy("accepted-orders-final")]
            public sealed class AcceptedOrdersFinal : PolicyAudit.Policy
            {
                public override void Define()
                {
                    Order order = null!;
                    When().Match(() => order, o => o.Status == OrderStatus.Accepted);
                    Then().Deny("The order is already accepted.");
                }
            }
        }
        """;

    [Fact]
    public async Task AcceptOrder_AlreadyInTheStateTheMethodTriedToReach_IsNotReported()
    {
        // Measured on a food-delivery app (thirteenth round): the early answer, logged or not, is the one the method
        // gives once the change is made, so the test only makes a repeated request succeed.
        await VerifyCS.VerifyAnalyzerAsync(Orders + """
            namespace Food.Handlers
            {
                public sealed class AcceptOrderHandler
                {
                    private readonly ILogger _logger = null!;

                    public string Handle(Order order)
                    {
                        var accepted = order.Accept();
                        if (accepted.IsFailure)
                        {
                            if (order.Status == OrderStatus.Accepted)
                            {
                                _logger.LogInformation("Order already accepted.");
                                return Describe(order);
                            }

                            return "refused";
                        }

                        return Describe(order);
                    }

                    private static string Describe(Order order) => order.Status.ToString();
                }
            }
            """);
    }

    [Fact]
    public async Task Redeem_EarlyAnswerDiffersFromTheMethodsOwn_IsReported()
    {
        await VerifyCS.VerifyAnalyzerAsync(Orders + """
            namespace Food.Handlers
            {
                public static class Checkout
                {
                    public static Result Redeem(Coupon coupon)
                    {
                        if ({|#0:!coupon.IsEnabled|})
                        {
                            return Result.Failure("disabled");
                        }

                        return Result.Success();
                    }

                    public static string Retry(Order order)
                    {
                        var accepted = order.Accept();
                        if (accepted.IsFailure && {|#1:order.Status == OrderStatus.Accepted|})
                        {
                            return "already accepted";
                        }

                        return "accepted";
                    }
                }
            }
            """,
            VerifyCS.Expected(0, "!coupon.IsEnabled", "policy 'enabled-coupons-only'"),
            VerifyCS.Expected(1, "order.Status == OrderStatus.Accepted", "policy 'accepted-orders-final'"));
    }
}
