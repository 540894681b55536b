using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Shapes measured on held-out code (Bitwarden, docs/analyzer-evaluation.md): a policy written over an interface the
/// entities implement, and a new value checked against the policy's threshold before it is stored in the member.
/// </summary>
public sealed class StoredValueShapesTests
{
    private const string Storage = """
        using PolicyAudit;
        public interface IStorable
        {
            [GovernedBy("storage-limit", Conditions = ">100")] short? MaxStorageGb { get; set; }
        }

        public sealed class User : IStorable
        {
            public short? MaxStorageGb { get; set; }
            public short? Spare { get; set; }
        }
        """;

    [Fact]
    public async Task Comparison_ImplementationOfGovernedInterfaceMember_IsReported()
    {
        await VerifyCS.VerifyAnalyzerAsync(Storage + """

            public static class Billing
            {
                public static bool Over(User user) => [|user.MaxStorageGb > 100|];
                public static bool Spare(User user) => user.Spare > 100;
                public static bool Through(IStorable storable) => [|storable.MaxStorageGb > 100|];
            }
            """);
    }

    [Fact]
    public async Task NewValue_CheckedAgainstPolicyThresholdThenStored_IsReported()
    {
        await VerifyCS.VerifyAnalyzerAsync(Storage + """

            public static class Billing
            {
                public static void Resize(User user, short baseGb, short extraGb)
                {
                    var maxStorageGb = (short)(baseGb + extraGb);
                    if ([|maxStorageGb > 100|]) throw new System.InvalidOperationException("Maximum storage is 100 GB.");
                    user.MaxStorageGb = maxStorageGb;
                }

                public static void Set(User user, short requested)
                {
                    if ([|requested > 100|]) return;
                    user.MaxStorageGb = requested;
                }
            }
            """);
    }

    [Fact]
    public async Task NewValue_OtherThresholdOtherMemberOrNotStored_IsNotReported()
    {
        await VerifyCS.VerifyAnalyzerAsync(Storage + """

            public static class Billing
            {
                public static void Small(User user, short requested)
                {
                    if (requested > 50) System.Console.WriteLine("large");
                    user.MaxStorageGb = requested;
                }

                public static void Spare(User user, short requested)
                {
                    if (requested > 100) return;
                    user.Spare = requested;
                }

                public static void Computed(User user, short requested)
                {
                    if (requested > 100) return;
                    user.MaxStorageGb = (short)(requested + 1);
                }

                public static void Before(User user, short requested)
                {
                    user.MaxStorageGb = requested;
                    if (requested > 100) System.Console.WriteLine("stored a lot");
                }
            }
            """);
    }
}
