using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PolicyAudit.Analyzers.Evaluation;

/// <summary>
/// Analyzer options of a case, from its optional <c>.globalconfig</c> (<c>key = value</c> lines, as in a build's
/// global config: <c>PA0001.state_checks_in_declaring_type = report</c>), the same for every file. Immutable.
/// </summary>
internal sealed class CaseOptions : AnalyzerConfigOptionsProvider
{
    private readonly Options _options;

    private CaseOptions(ImmutableDictionary<string, string> values) => _options = new Options(values);

    /// <inheritdoc />
    public override AnalyzerConfigOptions GlobalOptions => _options;

    /// <summary>The options read, for the report's header.</summary>
    public IEnumerable<KeyValuePair<string, string>> Values => _options.Values;

    /// <summary>
    /// Reads <paramref name="caseDirectory"/>/.globalconfig when there is one, then applies <paramref name="overrides"/>
    /// (the command line's <c>--option key=value</c>), which win over the file's values.
    /// </summary>
    public static CaseOptions Read(string caseDirectory, IReadOnlyList<KeyValuePair<string, string>>? overrides = null)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(AnalyzerConfigOptions.KeyComparer);
        var file = Path.Combine(caseDirectory, ".globalconfig");
        if (File.Exists(file))
        {
            var number = 0;
            foreach (var raw in File.ReadLines(file))
            {
                number++;
                var line = raw.Trim();
                if (line.Length == 0 || line[0] is '#' or ';' or '[')
                {
                    continue;
                }

                var (key, value) = Setting(line) ?? throw new FormatException($"{file}:{number}: expected 'key = value', found '{line}'.");
                builder[key] = value;
            }
        }

        foreach (var (key, value) in overrides ?? [])
        {
            builder[key] = value;
        }

        return new CaseOptions(builder.ToImmutable());
    }

    /// <summary>
    /// Parses a command line's <c>key=value</c> option (<c>PA0001.reported_comparisons=matching</c>); throws a
    /// <see cref="FormatException"/> naming the text when it has no key or no <c>=</c>.
    /// </summary>
    public static KeyValuePair<string, string> ParseOverride(string text) =>
        Setting(text.Trim()) ?? throw new FormatException($"--option: expected 'key=value', found '{text}'.");

    /// <summary>The trimmed key and value of a trimmed <c>key = value</c> text; null when it has no key or no <c>=</c>.</summary>
    private static KeyValuePair<string, string>? Setting(string trimmed)
    {
        var equals = trimmed.IndexOf('=');
        return equals <= 0 ? null : new KeyValuePair<string, string>(trimmed[..equals].Trim(), trimmed[(equals + 1)..].Trim());
    }

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public ImmutableDictionary<string, string> Values { get; } = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => Values.TryGetValue(key, out value);
    }
}
