using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on MyFlightbook (docs/analyzer-evaluation.md): a constructor stores its parameter into a governed member
/// (<c>RequiredEvents = Discrepancy = threshold;</c>), and a clone calls it with <c>RequiredEvents</c> or <c>NumEvents</c>.
/// The parameter is the governed member's input, not a copy of a caller's value, so neither it nor the other member it
/// is stored in carries the policy; a rule object that keeps another type's governed value in a field of its own still does.
/// </summary>
public sealed class ConstructorInputShapesTests
{
    private const string Domain = """
        namespace Currency
        {
            public class FlightCurrency
            {
                public FlightCurrency(decimal threshold)
                {
                    RequiredEvents = Discrepancy = threshold;
                }

                public decimal RequiredEvents { get; set; }
                public decimal Discrepancy { get; set; }
                public decimal NumEvents { get; set; }

                public FlightCurrency Clone() => new FlightCurrency(RequiredEvents) { NumEvents = NumEvents };

                public FlightCurrency And(FlightCurrency other) => new FlightCurrency(NumEvents) { NumEvents = NumEvents + other.NumEvents };
            }

            public sealed class PicCurrency : FlightCurrency
            {
                public PicCurrency(decimal threshold) : base(threshold) { }

                public PicCurrency And(PicCurrency other) => new PicCurrency(RequiredEvents) { NumEvents = NumEvents + other.NumEvents };
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Currency;
        namespace Currency.Policies
        {
            [Policy("required-events")]
            public sealed class RequiredEventsPolicy : Policy
            {
                public override void Define()
                {
                    FlightCurrency currency = null!;
                    When().Match(() => currency, c => c.NumEvents < c.RequiredEvents);
                    Then().Deny("Not current.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task MemberStoredFromTheConstructorsInput_IsNotACopyOfTheGovernedMember()
    {
        await VerifyAsync("""
            using Currency;
            public static class Texts
            {
                public static bool ShortOfMoreThanOne(FlightCurrency currency) => currency.Discrepancy > 1;

                public static bool IsCurrent(FlightCurrency currency) => {|#0:currency.NumEvents >= currency.RequiredEvents|};
            }

            public sealed class EventsRule
            {
                private readonly decimal _required;

                public EventsRule(decimal required) => _required = required;

                public static EventsRule For(FlightCurrency currency) => new EventsRule(currency.RequiredEvents);

                public bool Met(decimal events) => {|#1:events >= _required|};
            }
            """,
            VerifyCS.Expected(0, "currency.NumEvents >= currency.RequiredEvents", "policy 'required-events'"),
            VerifyCS.Expected(1, "events >= _required", "policy 'required-events'"));
    }
}
