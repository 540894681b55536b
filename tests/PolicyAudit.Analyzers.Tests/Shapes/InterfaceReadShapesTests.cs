using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on lib9c (docs/analyzer-evaluation.md): the policy tests a member of one entity
/// (<c>Equipment.RequiredBlockIndex</c>), and the code reads it through the business's own interface that the member
/// implements (<c>ITradableItem.RequiredBlockIndex</c>), often on a generic parameter constrained to it. Such a read may
/// be the policy's fact; a read on a sibling implementation the policy does not test is not.
/// </summary>
public sealed class InterfaceReadShapesTests
{
    private const string Domain = """
        using PolicyAudit;
        public interface ITradableItem
        {
            long RequiredBlockIndex { get; }
            string Name { get; }
        }

        public sealed class Equipment : ITradableItem
        {
            [GovernedBy("item-locked", Conditions = ">@blockIndex")] public long RequiredBlockIndex { get; set; }
            public string Name { get; set; } = "";
        }

        public sealed class Material : ITradableItem
        {
            public long RequiredBlockIndex { get; set; }
            public string Name { get; set; } = "";
        }
        """;

    [Fact]
    public async Task Comparison_ThroughInterfaceTheGovernedMemberImplements_IsReported()
    {
        await VerifyCS.VerifyAnalyzerAsync(Domain + """

            public static class Shop
            {
                public static void Sell(ITradableItem item, long blockIndex)
                {
                    if ([|item.RequiredBlockIndex > blockIndex|]) throw new System.InvalidOperationException("The item is still locked.");
                }

                public static bool Locked<T>(T item, long blockIndex) where T : ITradableItem => [|item.RequiredBlockIndex > blockIndex|];
            }
            """);
    }

    [Fact]
    public async Task Comparison_OnSiblingImplementationOrOtherInterfaceMember_IsNotReported()
    {
        await VerifyCS.VerifyAnalyzerAsync(Domain + """

            public static class Shop
            {
                public static bool Ready(Material material, long blockIndex) => material.RequiredBlockIndex > blockIndex;

                public static bool Named(ITradableItem item) => item.Name == "sword";
            }
            """);
    }
}
