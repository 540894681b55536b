using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on read code and a validation group (docs/analyzer-evaluation.md, seventeenth round): a test that picks which
/// of two values is stored or passed on (<c>ClubId = network ? null : clubId</c>, <c>days = halfDay ? days / 2 : days</c>)
/// computes a value. A choice that is returned, that answers yes or no, that picks one of two constants (codes), or that
/// stores a state as the outcome decides.
/// </summary>
public sealed class ValueChoiceShapesTests
{
    private const string Domain = """
        using PolicyAudit;
        public enum LeaveState { Open, Approved, Late }
        public sealed class LeaveRequest
        {
            [GovernedBy("half-day-allowed", Conditions = "==true")] public bool HalfDay { get; set; }
            [GovernedBy("leave-notice", Conditions = "<")] public System.DateTime FromDate { get; set; }
            public LeaveState State { get; set; }
            public decimal Days { get; set; }
        }
        public sealed class Booking
        {
            public decimal Days { get; set; }
            public string Note { get; set; } = "";
        }

        """;

    [Fact]
    public async Task ChoiceStoredOrPassedOn_IsNotReportedWhileReturnedOrStateChoicesAre()
    {
        await VerifyCS.VerifyAnalyzerAsync(Domain + """
            public static class Leaves
            {
                public static void Revoke(LeaveRequest request, Booking booking)
                {
                    var days = request.HalfDay == true ? request.Days / 2 : request.Days;
                    booking.Days -= days;
                    Record("retroactive", request.FromDate < System.DateTime.Today ? days : 0m);
                    Record([|request.FromDate < System.DateTime.Today|] ? "retroactive" : "ahead", days);
                    var copy = new Booking { Days = request.HalfDay ? 0.5m : request.Days };
                    booking.Note = copy.Note;
                }

                public static decimal Charged(LeaveRequest request) => [|request.HalfDay == true|] ? request.Days / 2 : request.Days;

                public static void Close(LeaveRequest request) =>
                    request.State = [|request.FromDate < System.DateTime.Today|] ? LeaveState.Late : LeaveState.Approved;

                public static void Refuse(LeaveRequest request)
                {
                    var days = [|request.HalfDay|] ? throw new System.InvalidOperationException("no half days") : request.Days;
                    request.Days = days;
                }

                private static void Record(string kind, decimal days) { }
            }
            """);
    }
}
