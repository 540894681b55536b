using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>
/// Reads <c>PolicyAudit.Governed.txt</c>, the list of governed members a project cannot annotate: one
/// documentation-comment id per line, then <c>;policy-id</c>. Blank lines and lines starting with <c>#</c> or
/// <c>//</c> are comments, as is anything after a second <c>;</c>.
/// </summary>
internal static class GovernedListFile
{
    public const string FileName = "PolicyAudit.Governed.txt";

    public static bool IsGovernedList(AdditionalText file) =>
        string.Equals(Path.GetFileName(file.Path), FileName, StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<GovernedListEntry> Parse(AdditionalText file, CancellationToken cancellationToken) =>
        Read(file, malformed: null, cancellationToken);

    /// <summary>The well-formed entries; lines that are neither comments nor entries go to <paramref name="malformed"/>.</summary>
    public static IReadOnlyList<GovernedListEntry> Read(AdditionalText file, List<(string Line, Location Location)>? malformed, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            return Array.Empty<GovernedListEntry>();
        }

        var entries = new List<GovernedListEntry>();
        foreach (var line in text.Lines)
        {
            var content = line.ToString();
            var trimmed = content.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("#", StringComparison.Ordinal) || trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var separator = content.IndexOf(';');
            if (separator < 0)
            {
                malformed?.Add((trimmed, LineLocation(file, text, line)));
                continue;
            }

            var documentationId = content.Substring(0, separator).Trim();
            var rest = content.Substring(separator + 1);
            var end = rest.IndexOf(';');
            var policyPart = end < 0 ? rest : rest.Substring(0, end);
            var policyId = policyPart.Trim();
            if (documentationId.Length == 0 || policyId.Length == 0)
            {
                malformed?.Add((trimmed, LineLocation(file, text, line)));
                continue;
            }

            var policyStart = line.Start + separator + 1 + policyPart.IndexOf(policyId, StringComparison.Ordinal);
            var policySpan = new TextSpan(policyStart, policyId.Length);
            var idSpan = new TextSpan(line.Start + content.IndexOf(documentationId, StringComparison.Ordinal), documentationId.Length);
            entries.Add(new GovernedListEntry(
                documentationId,
                policyId,
                Location.Create(file.Path, idSpan, text.Lines.GetLinePositionSpan(idSpan)),
                Location.Create(file.Path, policySpan, text.Lines.GetLinePositionSpan(policySpan))));
        }

        return entries;
    }

    private static Location LineLocation(AdditionalText file, SourceText text, TextLine line) =>
        Location.Create(file.Path, line.Span, text.Lines.GetLinePositionSpan(line.Span));
}
