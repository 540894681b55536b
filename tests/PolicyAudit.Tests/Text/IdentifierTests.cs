namespace PolicyAudit.Tests.Text;

/// <summary>Ids that look the same are the same, and ids with characters nobody can see are refused, wherever they enter the library.</summary>
public sealed class IdentifierTests
{
    [Theory]
    [InlineData("waiter-7\u200B")]
    [InlineData("waiter\u200D-7")]
    [InlineData("\u202Ewaiter-7")]
    [InlineData("waiter-7\uFEFF")]
    [InlineData("wait\u00ADer-7")]
    [InlineData("waiter-7\u0007")]
    public void StaffMember_IdWithInvisibleOrControlCharacter_ThrowsArgumentException(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => new StaffMember(id, StaffRole.Staff));

        Assert.Contains("invisible or control character", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StaffMember_DecomposedAndPaddedId_NormalisedToTrimmedFormC()
    {
        var decomposed = new StaffMember(" Zoe\u0308 ", StaffRole.Staff);

        Assert.Equal("Zo\u00EB", decomposed.Id);
        Assert.Equal(new StaffMember("Zo\u00EB", StaffRole.Staff), decomposed);
    }

    [Fact]
    public void StaffMember_IdOverTheLimit_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new StaffMember(new string('w', EvidenceLimits.IdentifierLength + 1), StaffRole.Staff));
    }

    [Fact]
    public void ServiceContext_LookAlikeIds_NormalisedOrRefused()
    {
        var context = new ServiceContext(" guest-1 ", "cafe\u0301", "  ");

        Assert.Equal("guest-1", context.Customer);
        Assert.Equal("caf\u00E9", context.Location);
        Assert.Null(context.Staff);
        Assert.Throws<ArgumentException>(() => new ServiceContext("guest\u200B-1"));
    }

    [Fact]
    public void Decision_DenyWithoutADenyingPolicy_ThrowsArgumentException()
    {
        var allowing = new DeterminingPolicy("corkage-fee", "Corkage", DecisionOutcome.Allow, "fine", null, StaffRole.Staff);

        var error = Assert.Throws<ArgumentException>(() => new Decision(
            "d-1", DecisionOutcome.Deny, [allowing], "v1", TestDecisions.Evening, new string('a', 64), ServiceContext.None));

        Assert.Equal("policies", error.ParamName);
        Assert.Throws<ArgumentException>(() => new Decision(
            "d-2", DecisionOutcome.RequireApproval, [], "v1", TestDecisions.Evening, new string('a', 64), ServiceContext.None));
    }

    [Fact]
    public async Task AppendAsync_RecordWithLookAlikeStaffId_ThrowsArgumentExceptionAndStoresNothing()
    {
        var store = new InMemoryEvidenceStore();
        var record = new DecisionRecord { Id = "d-1", At = TestDecisions.Evening, Outcome = DecisionOutcome.Deny, Policies = ["corkage-fee"], Staff = "waiter-7\u200B" };

        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync([record], AppendDurability.Durable));

        Assert.Null(await store.GetHeadAsync());
    }

    [Fact]
    public async Task RecordAsync_NoteOverTheLimit_ThrowsArgumentException()
    {
        var store = new InMemoryEvidenceStore();
        var recorder = new OutcomeRecorder(store, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        await Assert.ThrowsAsync<ArgumentException>(() => recorder.RecordAsync("d-1", OutcomeKind.Complaint, new string('n', EvidenceLimits.TextLength + 1)));

        Assert.Null(await store.GetHeadAsync());
    }
}
