namespace PolicyAudit.Analyzers.Evaluation;

/// <summary>
/// One hand-labelled policy check: a file of the case, the lines its condition spans, and the policy it hard-codes.
/// </summary>
internal sealed record Label(string Path, int FirstLine, int LastLine, string PolicyId, string Note)
{
    /// <summary>True when a warning starting on <paramref name="line"/> of <paramref name="path"/> reports this check.</summary>
    public bool Covers(string path, int line) =>
        string.Equals(path, Path, StringComparison.Ordinal) && line >= FirstLine && line <= LastLine;

    /// <summary>Where the check is, as labels.txt writes it.</summary>
    public string Where => FirstLine == LastLine ? $"{Path}:{FirstLine}" : $"{Path}:{FirstLine}-{LastLine}";

    /// <summary>
    /// Reads labels.txt: one check per line, <c>path:line[-line] policy-id [# note]</c>; blank lines and lines starting
    /// with <c>#</c> are ignored. A malformed line is an error naming the file and line, so no label is silently lost.
    /// </summary>
    public static IReadOnlyList<Label> ReadAll(string file)
    {
        var labels = new List<Label>();
        var number = 0;
        foreach (var raw in File.ReadLines(file))
        {
            number++;
            var hash = raw.IndexOf('#');
            var text = (hash >= 0 ? raw[..hash] : raw).Trim();
            var note = hash >= 0 ? raw[(hash + 1)..].Trim() : string.Empty;
            if (text.Length == 0)
            {
                continue;
            }

            var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var colon = parts[0].LastIndexOf(':');
            if (parts.Length > 2 || colon <= 0 || !TryLines(parts[0][(colon + 1)..], out var first, out var last))
            {
                throw new FormatException($"{file}:{number}: expected 'path:line[-line] policy-id [# note]', found '{raw.Trim()}'.");
            }

            labels.Add(new Label(parts[0][..colon].Replace('\\', '/'), first, last, parts.Length > 1 ? parts[1] : "-", note));
        }

        return labels;
    }

    private static bool TryLines(string text, out int first, out int last)
    {
        var dash = text.IndexOf('-');
        last = 0;
        return dash < 0
            ? int.TryParse(text, out first) && first > 0 && (last = first) > 0
            : int.TryParse(text[..dash], out first) && int.TryParse(text[(dash + 1)..], out last) && first > 0 && last >= first;
    }
}
