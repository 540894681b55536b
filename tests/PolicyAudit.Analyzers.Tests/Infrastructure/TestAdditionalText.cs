using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PolicyAudit.Analyzers.Tests.Infrastructure;

/// <summary>An additional file (such as PolicyAudit.Governed.txt) held in memory.</summary>
internal sealed class TestAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
