using System.Text;

namespace PolicyAudit.Reliability.Tests;

/// <summary>
/// How many records an accepted import file must add, counted independently of the tool: one a non-blank JSON
/// line; for CSV one a data row plus one more when its override_staff column is filled.
/// </summary>
internal static class ExpectedRecords
{
    private const int OverrideStaffColumn = 6;

    public static int Count(byte[] content, bool csv)
    {
        // Decoded as the tool decodes files: UTF-8 unless a byte order mark says otherwise, bad bytes replaced.
        using var reader = new StreamReader(new MemoryStream(content), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        return csv ? CountCsv(text) : CountJsonLines(text);
    }

    private static int CountJsonLines(string text)
    {
        using var lines = new StringReader(text);
        var count = 0;
        while (lines.ReadLine() is { } line)
        {
            count += string.IsNullOrWhiteSpace(line) ? 0 : 1;
        }

        return count;
    }

    private static int CountCsv(string text)
    {
        var count = 0;
        var header = true;
        foreach (var row in Rows(text))
        {
            if (row is [""])
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            count += string.IsNullOrWhiteSpace(row[OverrideStaffColumn]) ? 1 : 2;
        }

        return count;
    }

    /// <summary>RFC 4180 rows of a file the tool accepted (so well-formed): quoted fields may hold commas, quotes and line breaks.</summary>
    private static IEnumerable<List<string>> Rows(string text)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                yield return row;
                row = [];
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        if (text.Length > 0 && text[^1] != '\n')
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
