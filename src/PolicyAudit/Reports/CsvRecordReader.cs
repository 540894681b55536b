using System.Text;

namespace PolicyAudit;

/// <summary>
/// Reads RFC 4180 records from text, one at a time, with the line each record starts on, so that errors can name
/// it. Accepts CRLF and LF line ends; quoted fields may hold commas, doubled quotes and line breaks. Malformed input
/// (a quote inside an unquoted field, text after a closing quote, an unterminated quote) is a
/// <see cref="FormatException"/> whose message starts with the line number. Not thread-safe.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private int _line = 1;

    /// <summary>One record and the line it starts on (from 1).</summary>
    internal readonly record struct Row(int Line, IReadOnlyList<string> Fields);

    /// <summary>Thrown for malformed CSV; <see cref="Line"/> is where the problem is.</summary>
    internal sealed class CsvFormatException(int line, string problem) : FormatException(problem)
    {
        public int Line { get; } = line;
    }

    public IEnumerable<Row> ReadAll()
    {
        while (TryRead(out var row))
        {
            yield return row;
        }
    }

    public bool TryRead(out Row row)
    {
        row = default;
        if (reader.Peek() < 0)
        {
            return false;
        }

        var startLine = _line;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var afterQuote = false;
        var fieldStart = true;
        while (true)
        {
            var next = reader.Read();
            if (quoted)
            {
                if (next < 0)
                {
                    throw new CsvFormatException(startLine, "a quoted field is not closed before the end of the file");
                }

                if (next == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    if (next == '\n')
                    {
                        _line++;
                    }

                    field.Append((char)next);
                }

                continue;
            }

            switch (next)
            {
                case < 0:
                case '\n':
                    if (next == '\n')
                    {
                        _line++;
                    }

                    fields.Add(field.ToString());
                    row = new Row(startLine, fields);
                    return true;
                case '\r':
                    if (reader.Peek() == '\n')
                    {
                        continue;
                    }

                    throw new CsvFormatException(_line, "a carriage return outside quotes is not followed by a line feed");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    afterQuote = false;
                    fieldStart = true;
                    continue;
                case '"' when fieldStart:
                    quoted = true;
                    fieldStart = false;
                    continue;
                case '"':
                    throw new CsvFormatException(_line, $"field {fields.Count + 1} has a quote inside an unquoted value (quote the whole field and double the quote)");
                default:
                    if (afterQuote)
                    {
                        throw new CsvFormatException(_line, $"field {fields.Count + 1} has text after its closing quote");
                    }

                    fieldStart = false;
                    field.Append((char)next);
                    continue;
            }
        }
    }
}
