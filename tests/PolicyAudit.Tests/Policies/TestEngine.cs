using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NRules.Extensibility;

namespace PolicyAudit.Tests.Policies;

/// <summary>A policy engine over an in-memory store, for tests that run policies without a DI container.</summary>
internal sealed class TestEngine : IAsyncDisposable
{
    private readonly DecisionBuffer _buffer;

    private TestEngine(PolicySet set, IServiceProvider? services)
    {
        var time = new FakeTimeProvider(TestDecisions.Evening);
        _buffer = new DecisionBuffer(Store, 10_000, time, new PolicyAuditTelemetry(), NullLogger.Instance);
        Engine = new PolicyEngine(set, _buffer, time, new PolicyAuditTelemetry(), NullLogger.Instance, services: services);
    }

    public InMemoryEvidenceStore Store { get; } = new();

    public PolicyEngine Engine { get; }

    public static TestEngine For(params Type[] policies) => new(PolicySet.Build(policies), null);

    public static TestEngine For(IExpressionCompiler compiler, params Type[] policies) => new(PolicySet.Build(policies, compiler), null);

    public static TestEngine For(IServiceProvider services, params Type[] policies) => new(PolicySet.Build(policies), services);

    public Decision Evaluate(params object[] facts) => Engine.Evaluate(facts);

    /// <summary>The decisions that reached the store.</summary>
    public async Task<DecisionRecord[]> RecordedDecisionsAsync()
    {
        await _buffer.FlushAsync();
        return (await Store.ReadAllAsync()).Select(s => s.Record).OfType<DecisionRecord>().ToArray();
    }

    public ValueTask DisposeAsync() => _buffer.DisposeAsync();
}
