using System.Text;
using System.Text.RegularExpressions;

namespace PolicyAudit.Reliability.Tests;

/// <summary>Applies random damage to an import file: byte flips, truncation, line and field shuffles, bad values, bad encodings.</summary>
internal sealed partial class InputMutator(Random random)
{
    private static readonly string[] Enums = ["allow", "deny", "require-approval", "staff", "supervisor", "manager", "owner", "compliment", "complaint", "loss", "policy", "decision", "override", "outcome"];
    private static readonly string[] BadEnums = ["Deny", "denied", "", " ", "nobody", "ALLOW", "require_approval", "0", "null", "owner ", "staff\u0000", "менеджер"];
    private static readonly string[] BadDates = ["2026-13-01T19:30:00Z", "2026-02-30", "yesterday", "0000-00-00", "2026-03-01T25:61:00Z", "", "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00+14:00", "1e9", "2026-03-01T19:30:00", "2026/03/01", "2026-03-01T19:30:00.12345678Z"];
    private static readonly string[] HugeValues = ["1e999999", "99999999999999999999999999999999999999", "-0", "1.7976931348623157E+309", "NaN", "[]", "{}", "true", "null", "\"" + new string('9', 5000) + "\""];
    private static readonly byte[][] BadBytes = [[0xC3, 0x28], [0xFF], [0xFE, 0xFF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF], [0x00], [0xEF, 0xBB, 0xBF], [0x1B], [0x0D]];
    private static readonly string[] Lines = ["{}", "[]", "null", "\"text\"", "{\"type\":\"policy\"}", "{\"type\":\"decision\",\"id\":\"x\"}", "{", ",,,,,,,,,,", "\"", "\"\"\"", "a,b", new string('[', 200), "{\"type\":\"policy\",\"id\":\"p\",\"overridableBy\":\"owner\",\"id\":\"q\"}", "\t", "\u00A0", "\u2028"];

    public string LastDescription { get; private set; } = string.Empty;

    public byte[] Mutate(string valid)
    {
        var text = valid;
        byte[]? bytes = null;
        var applied = new List<string>();
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            var mutation = random.Next(16);
            applied.Add(MutationNames[mutation]);
            if (mutation >= 12)
            {
                bytes ??= Encoding.UTF8.GetBytes(text);
                bytes = MutateBytes(mutation, bytes);
                text = Encoding.UTF8.GetString(bytes);
                continue;
            }

            bytes = null;
            text = MutateText(mutation, text);
        }

        LastDescription = string.Join(" + ", applied);
        return bytes ?? Encoding.UTF8.GetBytes(text);
    }

    private static readonly string[] MutationNames =
    [
        "delete line", "duplicate line", "swap lines", "swap fields", "bad enum", "bad date", "huge value", "insert line",
        "quote", "long id", "line endings", "empty", "flip bits", "truncate", "invalid utf-8", "control byte",
    ];

    private string MutateText(int mutation, string text)
    {
        var lines = text.Split('\n').ToList();
        switch (mutation)
        {
            case 0:
                lines.RemoveAt(random.Next(lines.Count));
                return string.Join('\n', lines);
            case 1:
                var copy = random.Next(lines.Count);
                lines.Insert(random.Next(lines.Count + 1), lines[copy]);
                return string.Join('\n', lines);
            case 2:
                var (a, b) = (random.Next(lines.Count), random.Next(lines.Count));
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return string.Join('\n', lines);
            case 3:
                var line = random.Next(lines.Count);
                lines[line] = SwapFields(lines[line]);
                return string.Join('\n', lines);
            case 4:
                return ReplaceOne(text, Enums, BadEnums);
            case 5:
                return ReplaceMatch(text, DateLike(), BadDates[random.Next(BadDates.Length)]);
            case 6:
                var huge = HugeValues[random.Next(HugeValues.Length)];
                return QuotedValue().IsMatch(text) ? ReplaceMatch(text, QuotedValue(), huge) : ReplaceMatch(text, DateLike(), huge);
            case 7:
                lines.Insert(random.Next(lines.Count + 1), Lines[random.Next(Lines.Length)]);
                return string.Join('\n', lines);
            case 8:
                return text.Insert(random.Next(text.Length + 1), "\"");
            case 9:
                return ReplaceOne(text, ["pos-1001", "till-2001", "guest-3", "waiter-1", "corkage-fee"], [new string('x', 201), new string('x', 200), "a\u0001b", "\u200B"]);
            case 10:
                return random.Next(3) switch { 0 => text.Replace("\n", "\r\n", StringComparison.Ordinal), 1 => text.Replace("\n", "\r", StringComparison.Ordinal), _ => text.TrimEnd('\n') };
            default:
                return random.Next(2) == 0 ? string.Empty : "\n\n";
        }
    }

    private byte[] MutateBytes(int mutation, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var position = random.Next(bytes.Length);
        switch (mutation)
        {
            case 12:
                var flipped = (byte[])bytes.Clone();
                flipped[position] ^= (byte)(1 << random.Next(8));
                return flipped;
            case 13:
                return bytes[..position];
            case 14:
                var bad = BadBytes[random.Next(BadBytes.Length)];
                return [.. bytes[..position], .. bad, .. bytes[position..]];
            default:
                return [.. bytes[..position], (byte)random.Next(0, 32), .. bytes[position..]];
        }
    }

    private string SwapFields(string line)
    {
        if (line.StartsWith('{'))
        {
            var values = JsonPair().Matches(line).ToArray();
            if (values.Length < 2)
            {
                return line;
            }

            var (a, b) = (values[random.Next(values.Length)], values[random.Next(values.Length)]);
            if (a.Index > b.Index)
            {
                (a, b) = (b, a);
            }

            if (a.Index == b.Index)
            {
                return line;
            }

            var va = a.Groups["value"];
            var vb = b.Groups["value"];
            return line[..va.Index] + vb.Value + line[(va.Index + va.Length)..vb.Index] + va.Value + line[(vb.Index + vb.Length)..];
        }

        var fields = line.Split(',');
        if (fields.Length < 2)
        {
            return line;
        }

        var (i, j) = (random.Next(fields.Length), random.Next(fields.Length));
        (fields[i], fields[j]) = (fields[j], fields[i]);
        return string.Join(',', fields);
    }

    private string ReplaceOne(string text, string[] candidates, string[] replacements)
    {
        var present = candidates.Where(c => text.Contains(c, StringComparison.Ordinal)).ToArray();
        if (present.Length == 0)
        {
            return text;
        }

        var target = present[random.Next(present.Length)];
        var occurrences = Regex.Matches(text, Regex.Escape(target)).ToArray();
        var at = occurrences[random.Next(occurrences.Length)].Index;
        return string.Concat(text.AsSpan(0, at), replacements[random.Next(replacements.Length)], text.AsSpan(at + target.Length));
    }

    private string ReplaceMatch(string text, Regex pattern, string replacement)
    {
        var matches = pattern.Matches(text).ToArray();
        if (matches.Length == 0)
        {
            return text;
        }

        var match = matches[random.Next(matches.Length)];
        var group = match.Groups["value"].Success ? match.Groups["value"] : match.Groups[0];
        return string.Concat(text.AsSpan(0, group.Index), replacement, text.AsSpan(group.Index + group.Length));
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[^,""]*")]
    private static partial Regex DateLike();

    [GeneratedRegex(@":(?<value>""[^""]*"")")]
    private static partial Regex QuotedValue();

    [GeneratedRegex(@"""[a-zA-Z]+"":(?<value>""(?:[^""\\]|\\.)*""|null|\[[^\]]*\])")]
    private static partial Regex JsonPair();
}
