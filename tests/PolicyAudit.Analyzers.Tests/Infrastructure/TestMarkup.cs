using Microsoft.CodeAnalysis.Text;

namespace PolicyAudit.Analyzers.Tests.Infrastructure;

/// <summary>
/// Test source with expected diagnostics marked: <c>[|code|]</c> expects the test's rule on that span,
/// <c>{|PA0004:code|}</c> names the rule. Markers nest.
/// </summary>
internal sealed class TestMarkup
{
    private TestMarkup(string source, IReadOnlyList<(string? Id, TextSpan Span)> spans)
    {
        Source = source;
        Spans = spans;
    }

    public string Source { get; }

    public IReadOnlyList<(string? Id, TextSpan Span)> Spans { get; }

    public static TestMarkup Parse(string markup)
    {
        var output = new System.Text.StringBuilder(markup.Length);
        var open = new Stack<(string? Id, int Start)>();
        var spans = new List<(string? Id, TextSpan Span)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (Starts(markup, i, "[|"))
            {
                open.Push((null, output.Length));
                i++;
            }
            else if (Starts(markup, i, "{|"))
            {
                var colon = markup.IndexOf(':', i);
                if (colon < 0)
                {
                    throw new FormatException($"Markup '{{|' at {i} has no ':' after the rule id.");
                }

                open.Push((markup.Substring(i + 2, colon - i - 2), output.Length));
                i = colon;
            }
            else if (Starts(markup, i, "|]") || Starts(markup, i, "|}"))
            {
                if (open.Count == 0)
                {
                    throw new FormatException($"Markup close at {i} has no matching open.");
                }

                var (id, start) = open.Pop();
                spans.Add((id, TextSpan.FromBounds(start, output.Length)));
                i++;
            }
            else
            {
                output.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException("Markup has an unclosed span.");
        }

        return new TestMarkup(output.ToString(), spans);
    }

    private static bool Starts(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
