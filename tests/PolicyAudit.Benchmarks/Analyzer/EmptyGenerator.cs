using Microsoft.CodeAnalysis;

namespace PolicyAudit.Benchmarks.Analyzer;

/// <summary>
/// An incremental generator that registers nothing: what running the generator driver costs before any generator
/// does work, the baseline of <see cref="GeneratorBenchmarks"/>.
/// </summary>
// It only ever runs inside the benchmark's own driver, never loaded by a compiler from this assembly.
#pragma warning disable RS1041, RS1036
[Generator(LanguageNames.CSharp)]
public sealed class EmptyGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
#pragma warning restore RS1041, RS1036
