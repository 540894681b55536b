using System.Text.Json;

namespace PolicyAudit.Tests.Shared;

/// <summary>
/// The behaviour every <see cref="IEvidenceStore"/> promises, run against each store by a subclass that says how to
/// create one and how to tamper with its rows behind its back.
/// </summary>
public abstract class EvidenceStoreContractTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Creates a new, empty store. The test disposes it.</summary>
    protected abstract Task<IEvidenceStore> CreateStoreAsync();

    /// <summary>Replaces the stored payload text of record <paramref name="sequence"/>, bypassing the store.</summary>
    protected abstract Task TamperWithPayloadAsync(IEvidenceStore store, long sequence, Func<string, string> change);

    /// <summary>Deletes record <paramref name="sequence"/>, bypassing the store.</summary>
    protected abstract Task DeleteRecordAsync(IEvidenceStore store, long sequence);

    /// <summary>Exchanges the stored payloads of two records, bypassing the store.</summary>
    protected abstract Task SwapPayloadsAsync(IEvidenceStore store, long first, long second);

    /// <summary>Sets the indexed customer column of record <paramref name="sequence"/>, bypassing the store.</summary>
    protected abstract Task TamperWithCustomerColumnAsync(IEvidenceStore store, long sequence, string customer);

    [StoreFact]
    public async Task AppendAsync_EveryRecordKind_ReadsBackFieldForField()
    {
        await using var store = await CreateStoreAsync();
        var records = Samples.EveryKind(Noon);

        var links = await store.AppendAsync(records, AppendDurability.Durable);
        var read = await ReadAllAsync(store);

        Assert.Equal(records.Count, links.Count);
        Assert.Equal(records.Select(Samples.Describe), read.Select(r => Samples.Describe(r.Record)));
        Assert.Equal(links, read.Select(r => new ChainCheckpoint(r.Sequence, r.Hash)));
    }

    [StoreFact]
    public async Task AppendAsync_TimeWithOffset_ReadsBackSameInstantInUtc()
    {
        await using var store = await CreateStoreAsync();
        var at = new DateTimeOffset(2026, 3, 14, 14, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567);

        await store.AppendAsync([Samples.Outcome("o-1", at)], AppendDurability.Durable);
        var read = Assert.Single(await ReadAllAsync(store));

        Assert.Equal(at, read.Record.At);
        Assert.Equal(TimeSpan.Zero, read.Record.At.Offset);
        Assert.Equal(at.UtcTicks, read.Record.At.UtcTicks);
    }

    [StoreFact]
    public async Task AppendAsync_SeveralBatches_ChainsInOrderAndHeadIsNewest()
    {
        await using var store = await CreateStoreAsync();

        var first = await store.AppendAsync([Samples.Outcome("a", Noon), Samples.Outcome("b", Noon)], AppendDurability.Durable);
        var second = await store.AppendAsync([Samples.Decision("c", Noon), Samples.Decision("d", Noon.AddMinutes(-5))], AppendDurability.Batched);
        var read = await ReadAllAsync(store);
        var head = await store.GetHeadAsync();

        Assert.Equal([1L, 2L], first.Select(l => l.Sequence));
        Assert.Equal([3L, 4L], second.Select(l => l.Sequence));
        Assert.Equal(["a", "b", "c", "d"], read.Select(r => r.Record.Id));
        Assert.Equal([1L, 2L, 3L, 4L], read.Select(r => r.Sequence));
        Assert.Equal(second[^1], head);
        Assert.Equal(4, first.Concat(second).Select(l => l.Hash).Distinct().Count());
    }

    [StoreFact]
    public async Task AppendAsync_EmptyBatch_ReturnsNoCheckpointsAndWritesNothing()
    {
        await using var store = await CreateStoreAsync();

        var links = await store.AppendAsync([], AppendDurability.Durable);

        Assert.Empty(links);
        Assert.Null(await store.GetHeadAsync());
    }

    [StoreFact]
    public async Task AppendAsync_DuplicateInsideBatch_ThrowsAndWritesNothing()
    {
        await using var store = await CreateStoreAsync();

        var error = await Assert.ThrowsAsync<DuplicateEvidenceException>(() => store.AppendAsync(
            [Samples.Outcome("x", Noon), Samples.Outcome("y", Noon), Samples.Outcome("x", Noon)], AppendDurability.Durable));

        Assert.Equal(EvidenceKind.Outcome, error.Kind);
        Assert.Equal("x", error.Id);
        Assert.Null(await store.GetHeadAsync());
        Assert.Empty(await ReadAllAsync(store));
    }

    [StoreFact]
    public async Task AppendAsync_IdAlreadyStored_ThrowsAndWritesNoneOfTheBatch()
    {
        await using var store = await CreateStoreAsync();
        var stored = await store.AppendAsync([Samples.Override("ov-1", Noon)], AppendDurability.Durable);

        var error = await Assert.ThrowsAsync<DuplicateEvidenceException>(() => store.AppendAsync(
            [Samples.Override("ov-2", Noon), Samples.Override("ov-1", Noon)], AppendDurability.Durable));

        Assert.Equal(EvidenceKind.Override, error.Kind);
        Assert.Equal("ov-1", error.Id);
        Assert.Equal(stored[0], await store.GetHeadAsync());
        Assert.Empty(await store.FindExistingAsync(EvidenceKind.Override, ["ov-2"]));
        Assert.True((await store.VerifyAsync()).IsValid);
    }

    [StoreFact]
    public async Task AppendAsync_AfterRefusedDuplicate_ContinuesTheChain()
    {
        await using var store = await CreateStoreAsync();
        await store.AppendAsync([Samples.Outcome("a", Noon)], AppendDurability.Durable);
        await Assert.ThrowsAsync<DuplicateEvidenceException>(() => store.AppendAsync([Samples.Outcome("a", Noon)], AppendDurability.Durable));

        var links = await store.AppendAsync([Samples.Outcome("b", Noon)], AppendDurability.Durable);

        Assert.Equal(2, links[0].Sequence);
        Assert.True((await store.VerifyAsync()).IsValid);
    }

    [StoreFact]
    public async Task AppendAsync_SameIdOfAnotherKind_IsAccepted()
    {
        await using var store = await CreateStoreAsync();

        var links = await store.AppendAsync([Samples.Decision("same", Noon), Samples.Outcome("same", Noon)], AppendDurability.Durable);

        Assert.Equal(2, links.Count);
    }

    [StoreFact]
    public async Task AppendAsync_NullRecord_ThrowsArgumentExceptionAndWritesNothing()
    {
        await using var store = await CreateStoreAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.AppendAsync([Samples.Outcome("a", Noon), null!], AppendDurability.Durable));

        Assert.Null(await store.GetHeadAsync());
    }

    [StoreFact]
    public async Task ReadAsync_Window_IncludesFromAndExcludesTo()
    {
        await using var store = await CreateStoreAsync();
        await store.AppendAsync(
            [
                Samples.Outcome("before", Noon.AddTicks(-1)),
                Samples.Outcome("at-from", Noon),
                Samples.Outcome("inside", Noon.AddMinutes(30)),
                Samples.Outcome("before-to", Noon.AddHours(1).AddTicks(-1)),
                Samples.Outcome("at-to", Noon.AddHours(1)),
            ],
            AppendDurability.Durable);

        var inWindow = await ReadAllAsync(store, new EvidenceWindow(Noon, Noon.AddHours(1)));
        var fromOnly = await ReadAllAsync(store, new EvidenceWindow(From: Noon.AddHours(1)));
        var toOnly = await ReadAllAsync(store, new EvidenceWindow(To: Noon));

        Assert.Equal(["at-from", "inside", "before-to"], inWindow.Select(r => r.Record.Id));
        Assert.Equal(["at-to"], fromOnly.Select(r => r.Record.Id));
        Assert.Equal(["before"], toOnly.Select(r => r.Record.Id));
    }

    [StoreFact]
    public async Task ReadAsync_RecordsOutOfTimeOrder_StreamsInChainOrder()
    {
        await using var store = await CreateStoreAsync();
        await store.AppendAsync([Samples.Outcome("late", Noon.AddHours(2)), Samples.Outcome("early", Noon)], AppendDurability.Durable);

        var read = await ReadAllAsync(store);

        Assert.Equal(["late", "early"], read.Select(r => r.Record.Id));
    }

    [StoreFact]
    public async Task ReadCustomerAsync_MixedEvidence_ReturnsTheCustomersRecordsAndTheirOutcomesInChainOrder()
    {
        await using var store = await CreateStoreAsync();
        var window = new EvidenceWindow(Noon, Noon.AddDays(1));
        await store.AppendAsync(
            [
                Guest.Outcome("early-complaint", "d-2", Noon.AddMinutes(1), OutcomeKind.Complaint),
                Guest.Decision("d-1", "guest-7", Noon),
                Guest.Decision("d-other", "guest-8", Noon),
                Guest.Override("ov-1", "d-1", "guest-7", Noon.AddMinutes(2)),
                Guest.Override("ov-other", "d-other", "guest-8", Noon.AddMinutes(2)),
                Guest.Refusal("refused-1", "d-3", "guest-7", Noon.AddMinutes(3)),
                Guest.Outcome("o-1", "d-1", Noon.AddMinutes(4), OutcomeKind.Compliment),
                Guest.Outcome("o-other", "d-other", Noon.AddMinutes(4), OutcomeKind.Complaint),
                Guest.Outcome("o-after-window", "d-1", Noon.AddDays(2), OutcomeKind.Complaint),
                Guest.Decision("d-before-window", "guest-7", Noon.AddTicks(-1)),
                Guest.Decision("d-2", "guest-7", Noon.AddMinutes(1)),
            ],
            AppendDurability.Durable);

        var read = await ToListAsync(store.ReadCustomerAsync("guest-7", window));

        Assert.Equal(["early-complaint", "d-1", "ov-1", "refused-1", "o-1", "d-2"], read.Select(r => r.Record.Id));
        Assert.Equal(read.Select(r => r.Sequence).Order(), read.Select(r => r.Sequence));
        Assert.Equal((await ReadAllAsync(store)).Where(r => read.Any(x => x.Sequence == r.Sequence)).Select(r => Samples.Describe(r.Record)), read.Select(r => Samples.Describe(r.Record)));
    }

    [StoreFact]
    public async Task ReadCustomerAsync_UnknownCustomer_ReturnsNothing()
    {
        await using var store = await CreateStoreAsync();
        await store.AppendAsync([Guest.Decision("d-1", "guest-7", Noon), Guest.Override("ov-1", "d-1", "guest-7", Noon)], AppendDurability.Durable);

        var read = await ToListAsync(store.ReadCustomerAsync("guest-77", EvidenceWindow.All));

        Assert.Empty(read);
    }

    [StoreFact]
    public async Task ReadCustomerAsync_BlankCustomer_ThrowsArgumentException()
    {
        await using var store = await CreateStoreAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => ToListAsync(store.ReadCustomerAsync(" ", EvidenceWindow.All)));
    }

    [StoreFact]
    public async Task ReadForDecisionsAsync_TwoDecisionIds_ReturnsEverythingOfThoseDecisionsWheneverRecorded()
    {
        await using var store = await CreateStoreAsync();
        await store.AppendAsync(
            [
                Guest.Outcome("o-first", "d-2", Noon.AddDays(-3), OutcomeKind.Loss),
                Guest.Decision("d-1", "guest-7", Noon),
                Guest.Decision("d-2", null, Noon),
                Guest.Decision("d-3", "guest-7", Noon),
                Guest.Override("ov-1", "d-1", "guest-7", Noon),
                Guest.Override("ov-3", "d-3", "guest-7", Noon),
                Guest.Refusal("refused-2", "d-2", null, Noon),
                Guest.Outcome("o-late", "d-1", Noon.AddDays(30), OutcomeKind.Complaint),
                new PolicyRecord { Id = "d-1", At = Noon, PolicyId = "d-1", Title = "A policy whose id looks like a decision's", OverridableBy = StaffRole.Manager },
            ],
            AppendDurability.Durable);

        var read = await ToListAsync(store.ReadForDecisionsAsync(["d-2", "d-1", "d-1", "d-unknown"]));
        var none = await ToListAsync(store.ReadForDecisionsAsync([]));

        Assert.Equal(["o-first", "d-1", "d-2", "ov-1", "refused-2", "o-late"], read.Select(r => r.Record.Id));
        Assert.Equal(read.Select(r => r.Sequence).Order(), read.Select(r => r.Sequence));
        Assert.Empty(none);
    }

    [StoreFact]
    public async Task ReadForDecisionsAsync_NullId_ThrowsArgumentException()
    {
        await using var store = await CreateStoreAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => ToListAsync(store.ReadForDecisionsAsync(["d-1", null!])));
    }

    [StoreFact]
    public async Task ReadKindsAsync_OverridesAndOutcomesInWindow_ReturnsOnlyThoseKindsInsideTheWindow()
    {
        await using var store = await CreateStoreAsync();
        var window = new EvidenceWindow(Noon, Noon.AddHours(1));
        await store.AppendAsync(
            [
                .. Samples.EveryKind(Noon),
                Guest.Override("ov-before", "d-9", "guest-7", Noon.AddTicks(-1)),
                Guest.Outcome("o-at-to", "d-9", Noon.AddHours(1), OutcomeKind.None),
            ],
            AppendDurability.Durable);

        var read = await ToListAsync(store.ReadKindsAsync([EvidenceKind.Outcome, EvidenceKind.Override, EvidenceKind.Outcome], window));
        var policies = await ToListAsync(store.ReadKindsAsync([EvidenceKind.Policy], EvidenceWindow.All));

        Assert.Equal(["ov-1", "ov-escalated", "out-1", "out-2"], read.Select(r => r.Record.Id));
        Assert.Equal(["no-split-bills@v1", "minimal"], policies.Select(r => r.Record.Id));
    }

    [StoreFact]
    public async Task VerifyAsync_CustomerColumnEditedToHideARecord_NamesThatRecord()
    {
        await using var store = await CreateStoreAsync();
        await store.AppendAsync(
            [Guest.Decision("d-1", "guest-7", Noon), Guest.Override("ov-1", "d-1", "guest-7", Noon), Guest.Decision("d-2", "guest-8", Noon)],
            AppendDurability.Durable);

        await TamperWithCustomerColumnAsync(store, 2, "guest-8");
        var history = await ToListAsync(store.ReadCustomerAsync("guest-7", EvidenceWindow.All));
        var result = await store.VerifyAsync();

        Assert.Equal(["d-1"], history.Select(r => r.Record.Id));
        Assert.False(result.IsValid);
        Assert.Equal(2, result.FirstBadSequence);
        Assert.Contains("query columns", result.Problem, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task FindExistingAsync_MixedIds_ReturnsOnlyThoseStoredAsThatKind()
    {
        await using var store = await CreateStoreAsync();
        await store.AppendAsync([Samples.Decision("d-1", Noon), Samples.Decision("d-2", Noon), Samples.Outcome("o-1", Noon)], AppendDurability.Batched);

        var found = await store.FindExistingAsync(EvidenceKind.Decision, ["d-2", "d-3", "o-1", "d-1"]);
        var none = await store.FindExistingAsync(EvidenceKind.Decision, []);

        Assert.Equal(["d-1", "d-2"], found.Order(StringComparer.Ordinal));
        Assert.Empty(none);
    }

    [StoreFact]
    public async Task GetHeadAsync_EmptyStore_ReturnsNull()
    {
        await using var store = await CreateStoreAsync();

        Assert.Null(await store.GetHeadAsync());
    }

    [StoreFact]
    public async Task VerifyAsync_UntouchedChain_IsValidWithAndWithoutCheckpoint()
    {
        await using var store = await CreateStoreAsync();
        await store.AppendAsync(Samples.EveryKind(Noon), AppendDurability.Durable);
        var checkpoint = await store.GetHeadAsync();
        await store.AppendAsync([Samples.Outcome("later", Noon)], AppendDurability.Durable);

        var plain = await store.VerifyAsync();
        var withCheckpoint = await store.VerifyAsync(checkpoint);

        Assert.True(plain.IsValid, plain.ToString());
        Assert.True(withCheckpoint.IsValid, withCheckpoint.ToString());
        Assert.Equal(Samples.EveryKind(Noon).Count + 1, plain.RecordsChecked);
        Assert.Equal(await store.GetHeadAsync(), plain.Head);
    }

    [StoreFact]
    public async Task VerifyAsync_EmptyStore_IsValid()
    {
        await using var store = await CreateStoreAsync();

        var result = await store.VerifyAsync();

        Assert.True(result.IsValid);
        Assert.Equal(0, result.RecordsChecked);
        Assert.Null(result.Head);
    }

    [StoreFact]
    public async Task VerifyAsync_PayloadValueChanged_NamesThatRecord()
    {
        await using var store = await CreateStoreAsync();
        await store.AppendAsync([Samples.Override("ov-1", Noon), Samples.Override("ov-2", Noon), Samples.Override("ov-3", Noon)], AppendDurability.Durable);

        await TamperWithPayloadAsync(store, 2, payload => payload.Replace("Birthday", "Birthdai", StringComparison.Ordinal));
        var result = await store.VerifyAsync();

        Assert.False(result.IsValid);
        Assert.Equal(2, result.FirstBadSequence);
        Assert.Contains("changed", result.Problem, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task VerifyAsync_RecordDeleted_ReportsTheGap()
    {
        await using var store = await CreateStoreAsync();
        await store.AppendAsync([Samples.Outcome("a", Noon), Samples.Outcome("b", Noon), Samples.Outcome("c", Noon)], AppendDurability.Durable);

        await DeleteRecordAsync(store, 2);
        var result = await store.VerifyAsync();

        Assert.False(result.IsValid);
        Assert.Equal(3, result.FirstBadSequence);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task VerifyAsync_PayloadsSwapped_ReportsTheFirstSwappedRecord()
    {
        await using var store = await CreateStoreAsync();
        await store.AppendAsync([Samples.Outcome("a", Noon), Samples.Outcome("b", Noon), Samples.Outcome("c", Noon), Samples.Outcome("d", Noon)], AppendDurability.Durable);

        await SwapPayloadsAsync(store, 2, 3);
        var result = await store.VerifyAsync();

        Assert.False(result.IsValid);
        Assert.Equal(2, result.FirstBadSequence);
    }

    [StoreFact]
    public async Task VerifyAsync_TailCutAfterCheckpoint_IsInvalidOnlyWithTheCheckpoint()
    {
        await using var store = await CreateStoreAsync();
        await store.AppendAsync([Samples.Outcome("a", Noon), Samples.Outcome("b", Noon), Samples.Outcome("c", Noon)], AppendDurability.Durable);
        var checkpoint = await store.GetHeadAsync();

        await DeleteRecordAsync(store, 3);
        await DeleteRecordAsync(store, 2);
        var plain = await store.VerifyAsync();
        var withCheckpoint = await store.VerifyAsync(checkpoint);

        Assert.True(plain.IsValid, "a cut tail leaves a valid shorter chain; only a checkpoint can tell");
        Assert.False(withCheckpoint.IsValid);
        Assert.Contains("cut off", withCheckpoint.Problem, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task AppendAsync_EightThreadsThousandOverridesEach_CountsExactAndChainValid()
    {
        const int threads = 8;
        const int perThread = 1000;
        await using var store = await CreateStoreAsync();
        using var start = new ManualResetEventSlim();

        var workers = Enumerable.Range(0, threads).Select(t => Task.Factory.StartNew(
            async () =>
            {
                start.Wait();
                var links = new List<ChainCheckpoint>(perThread);
                for (var i = 0; i < perThread; i++)
                {
                    links.Add(await store.AppendOverrideAsync(Samples.Override($"t{t}-{i}", Noon.AddTicks(i))));
                }

                return links;
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap()).ToArray();
        start.Set();
        var links = (await Task.WhenAll(workers)).SelectMany(l => l).ToArray();
        var read = await ReadAllAsync(store);
        var verification = await store.VerifyAsync();

        Assert.Equal(threads * perThread, links.Length);
        Assert.Equal(Enumerable.Range(1, threads * perThread).Select(i => (long)i), links.Select(l => l.Sequence).Order());
        Assert.Equal(threads * perThread, read.Count);
        Assert.Equal(threads * perThread, read.Select(r => r.Record.Id).Distinct().Count());
        Assert.True(verification.IsValid, verification.ToString());
        Assert.Equal(threads * perThread, verification.RecordsChecked);
    }

    [StoreFact]
    public async Task AppendAsync_SameRecordFromManyThreadsAtOnce_ExactlyOneLands()
    {
        await using var store = await CreateStoreAsync();
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 8).Select(t => Task.Factory.StartNew(
            async () =>
            {
                start.Wait();
                try
                {
                    await store.AppendAsync([Samples.Outcome($"own-{t}", Noon), Samples.Override("contested", Noon)], AppendDurability.Durable);
                    return true;
                }
                catch (DuplicateEvidenceException error) when (error.Id == "contested")
                {
                    return false;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap()).ToArray();
        start.Set();
        var landed = await Task.WhenAll(attempts);
        var read = await ReadAllAsync(store);

        Assert.Single(landed, l => l);
        Assert.Equal(2, read.Count);
        Assert.True((await store.VerifyAsync()).IsValid);
    }

    [StoreFact]
    public async Task AppendAsync_ConcurrentBatchesSomeRepeatingStoredRecords_OnlyThoseFail()
    {
        await using var store = await CreateStoreAsync();
        await store.AppendAsync([Samples.Outcome("stored-0", Noon), Samples.Outcome("stored-2", Noon)], AppendDurability.Durable);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.AppendAsync([Samples.Decision($"new-{i}", Noon), Samples.Outcome($"stored-{i}", Noon)], AppendDurability.Batched);
                return "landed";
            }
            catch (DuplicateEvidenceException error)
            {
                return error.Id;
            }
        })));
        var decisions = await store.FindExistingAsync(EvidenceKind.Decision, ["new-0", "new-1", "new-2", "new-3"]);

        Assert.Equal(["stored-0", "landed", "stored-2", "landed"], results);
        Assert.Equal(["new-1", "new-3"], decisions.Order(StringComparer.Ordinal));
        Assert.Equal(6, (await store.VerifyAsync()).RecordsChecked);
    }

    [StoreFact]
    public async Task AppendAsync_CancelledBeforeItBegins_ThrowsAndWritesNothing()
    {
        await using var store = await CreateStoreAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AppendAsync([Samples.Outcome("a", Noon)], AppendDurability.Durable, cancelled.Token));

        Assert.Null(await store.GetHeadAsync());
    }

    [StoreFact]
    public async Task EveryMethod_AfterDispose_ThrowsObjectDisposedException()
    {
        var store = await CreateStoreAsync();
        await store.AppendAsync([Samples.Outcome("a", Noon)], AppendDurability.Durable);

        await store.DisposeAsync();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AppendAsync([Samples.Outcome("b", Noon)], AppendDurability.Durable));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => ReadAllAsync(store));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.FindExistingAsync(EvidenceKind.Outcome, ["a"]));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetHeadAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.VerifyAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => ToListAsync(store.ReadCustomerAsync("guest-7", EvidenceWindow.All)));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => ToListAsync(store.ReadForDecisionsAsync(["a"])));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => ToListAsync(store.ReadKindsAsync([EvidenceKind.Outcome], EvidenceWindow.All)));
    }

    /// <summary>Reads a window (all evidence by default) into a list.</summary>
    protected static async Task<List<StoredEvidence>> ReadAllAsync(IEvidenceStore store, EvidenceWindow? window = null)
    {
        var list = new List<StoredEvidence>();
        await foreach (var item in store.ReadAsync(window ?? EvidenceWindow.All))
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>Drains a query into a list.</summary>
    protected static async Task<List<StoredEvidence>> ToListAsync(IAsyncEnumerable<StoredEvidence> query)
    {
        var list = new List<StoredEvidence>();
        await foreach (var item in query)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>Records of one guest's visits, for the query tests.</summary>
    protected static class Guest
    {
        public static DecisionRecord Decision(string id, string? customer, DateTimeOffset at) =>
            Samples.Decision(id, at) with { Customer = customer };

        public static OverrideRecord Override(string id, string decisionId, string? customer, DateTimeOffset at) =>
            Samples.Override(id, at) with { DecisionId = decisionId, Decision = Samples.Override(id, at).Decision with { Customer = customer } };

        public static RefusedOverrideRecord Refusal(string id, string decisionId, string? customer, DateTimeOffset at) => new()
        {
            Id = id,
            At = at,
            DecisionId = decisionId,
            Staff = "sam",
            Role = StaffRole.Staff,
            Justification = "",
            Reason = OverrideRefusalReason.MissingJustification,
            Message = "Say why.",
            Decision = Samples.Override(id, at).Decision with { Customer = customer },
        };

        public static OutcomeRecord Outcome(string id, string decisionId, DateTimeOffset at, OutcomeKind kind) =>
            new() { Id = id, At = at, DecisionId = decisionId, Outcome = kind };
    }

    /// <summary>Records of every kind with every field set, for the contract tests and store-specific tests.</summary>
    protected static class Samples
    {
        private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

        public static IReadOnlyList<EvidenceRecord> EveryKind(DateTimeOffset at) =>
        [
            new PolicyRecord
            {
                Id = "no-split-bills@v1",
                At = at,
                PolicyId = "no-split-bills",
                Title = "No split bills for parties of 8+",
                Owner = "floor-manager",
                OverridableBy = StaffRole.Manager,
                Rationale = "Card terminals time out — \"quoted\" text, ünïcode and \n newlines survive",
                Version = "v1",
            },
            new PolicyRecord { Id = "minimal", At = at, PolicyId = "minimal", Title = "Minimal", OverridableBy = StaffRole.Nobody },
            Decision("dec-1", at.AddTicks(1)),
            new DecisionRecord { Id = "dec-anon", At = at, Outcome = DecisionOutcome.Allow, Policies = [] },
            Override("ov-1", at.AddTicks(2)),
            new OverrideRecord
            {
                Id = "ov-escalated",
                At = at,
                DecisionId = "dec-1",
                Staff = "sam",
                Role = StaffRole.Staff,
                Justification = "Regular guest",
                ApprovedBy = "maria",
                ApproverRole = StaffRole.Manager,
                RequiredRole = StaffRole.Manager,
                Decision = new DecisionSnapshot { DecidedAt = at, Outcome = DecisionOutcome.Deny, Policies = [] },
            },
            new RefusedOverrideRecord
            {
                Id = "refused-1",
                At = at.AddTicks(3),
                DecisionId = "dec-1",
                Staff = "sam",
                Role = StaffRole.Staff,
                Justification = "",
                ApprovedBy = "lee",
                ApproverRole = StaffRole.Supervisor,
                Reason = OverrideRefusalReason.InsufficientAuthority,
                Message = "A manager must approve.",
                Decision = Snapshot(at),
            },
            new OutcomeRecord { Id = "out-1", At = at.AddSeconds(1), DecisionId = "dec-1", Outcome = OutcomeKind.Complaint, Note = "Waited 20 minutes" },
            Outcome("out-2", at),
            new DroppedDecisionsRecord { Id = "dropped-1", At = at.AddMinutes(1), Count = 42, Since = at.AddTicks(-7) },
        ];

        public static DecisionRecord Decision(string id, DateTimeOffset at) => new()
        {
            Id = id,
            At = at,
            Outcome = DecisionOutcome.RequireApproval,
            Policies = ["no-split-bills", "corkage"],
            Customer = "cust-7",
            Staff = "sam",
            Location = "harbour",
            PolicySetVersion = "set-abc",
            FactsDigest = "facts-123",
        };

        public static OverrideRecord Override(string id, DateTimeOffset at) => new()
        {
            Id = id,
            At = at,
            DecisionId = "dec-" + id,
            Staff = "maria",
            Role = StaffRole.Manager,
            Justification = "Birthday party of twelve; split the bill",
            RequiredRole = StaffRole.Manager,
            Decision = Snapshot(at),
        };

        public static OutcomeRecord Outcome(string id, DateTimeOffset at) => new()
        {
            Id = id,
            At = at,
            DecisionId = "dec-" + id,
            Outcome = OutcomeKind.Compliment,
        };

        /// <summary>Every public field of a record, as text, so records holding lists compare by value.</summary>
        public static string Describe(EvidenceRecord record) =>
            record.GetType().Name + JsonSerializer.Serialize(record, record.GetType(), Json);

        private static DecisionSnapshot Snapshot(DateTimeOffset at) => new()
        {
            DecidedAt = at.AddSeconds(-30),
            Outcome = DecisionOutcome.RequireApproval,
            Policies =
            [
                new PolicySnapshot("no-split-bills", DecisionOutcome.RequireApproval, "Card terminals time out", StaffRole.Manager),
                new PolicySnapshot("corkage", DecisionOutcome.RequireApproval, "", StaffRole.Supervisor),
            ],
            PolicySetVersion = "set-abc",
            FactsDigest = "facts-123",
            Customer = "cust-7",
            Location = "harbour",
        };
    }
}
