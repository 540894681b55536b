using System.Globalization;
using System.Text;

namespace PolicyAudit;

/// <summary>
/// The one place where evidence text is normalised, so text that looks the same is the same everywhere (library,
/// JSON Lines, CSV) and text that cannot be seen is refused. Thread-safe (no state).
/// </summary>
internal static class UnicodeText
{
    /// <summary>
    /// An identifier as stored: trimmed and in Unicode normalisation form C, so <c>"waiter-7 "</c> and a decomposed
    /// accent are the same id as their plain spelling.
    /// </summary>
    /// <param name="value">The id as given.</param>
    /// <param name="what">What it is, for the message (e.g. <c>staff</c>).</param>
    /// <returns>The normalised id.</returns>
    /// <exception cref="ArgumentException">It is blank, too long, or holds a control or invisible format character.</exception>
    public static string Identifier(string? value, string what) =>
        TryIdentifier(value, what, out var normalized, out var problem) ? normalized : throw new ArgumentException(problem, what);

    /// <summary>Like <see cref="Identifier"/>, or null for a null or blank optional id.</summary>
    public static string? OptionalIdentifier(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? null : Identifier(value, what);

    /// <summary>Normalises an identifier, or says what is wrong with it.</summary>
    public static bool TryIdentifier(string? value, string what, out string normalized, out string problem) =>
        TryIdentifier(value, what, EvidenceLimits.IdentifierLength, out normalized, out problem);

    /// <summary>Normalises an identifier of at most <paramref name="limit"/> characters, or says what is wrong with it.</summary>
    public static bool TryIdentifier(string? value, string what, int limit, out string normalized, out string problem)
    {
        normalized = string.Empty;
        if (string.IsNullOrWhiteSpace(value))
        {
            problem = $"'{what}' must not be blank";
            return false;
        }

        if (!TryNormalize(value, out var text))
        {
            problem = $"'{what}' is not valid Unicode text (it holds an unpaired surrogate)";
            return false;
        }

        text = text.Trim();
        var index = IndexOfInvisible(text);
        if (index >= 0)
        {
            problem = $"'{what}' holds the invisible or control character U+{(int)text[index]:X4} at position {index + 1}; ids must be visible text";
            return false;
        }

        if (text.Length > limit)
        {
            problem = $"'{what}' is {text.Length} characters long; ids are at most {limit}";
            return false;
        }

        normalized = text;
        problem = string.Empty;
        return true;
    }

    /// <summary>Checks free text's length; its characters are kept as they are (bidi controls are stripped when rendered).</summary>
    /// <exception cref="ArgumentException">It is longer than <paramref name="limit"/>.</exception>
    public static string? FreeText(string? value, string what, int limit = EvidenceLimits.TextLength) =>
        value is not null && value.Length > limit
            ? throw new ArgumentException($"'{what}' is {value.Length} characters long; it may be at most {limit}.", what)
            : value;

    /// <summary>True when <paramref name="value"/> is no longer than <paramref name="limit"/>.</summary>
    public static bool FitsIn(string? value, int limit) => value is null || value.Length <= limit;

    /// <summary>The index of the first control or format (Unicode Cf: zero-width, bidi, BOM, soft hyphen) character; -1 when none.</summary>
    public static int IndexOfInvisible(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]) || CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.Format)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True for the characters that reorder text when displayed (U+061C, U+200E/F, U+202A..E, U+2066..9).</summary>
    public static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Free text as rendered: the bidi controls removed, so stored text cannot reorder what a report shows.</summary>
    public static string StripBidi(string text)
    {
        if (!text.Any(IsBidiControl))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsBidiControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Folds text for matching what it says rather than how it is spelt: compatibility-decomposed (fullwidth and
    /// styled letters become plain), accents and invisible characters dropped, lower case, and letters of other
    /// scripts that look like Latin ones mapped to them (Cyrillic <c>н/а</c> reads as <c>n/a</c>). Only letters and
    /// digits are kept.
    /// </summary>
    public static string Fold(string text)
    {
        var decomposed = TryNormalize(text, out var d, NormalizationForm.FormKD) ? d : text;
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            var folded = Confusables.TryGetValue(lower, out var latin) ? latin : lower;
            if (char.IsLetterOrDigit(folded))
            {
                builder.Append(folded);
            }
        }

        return builder.ToString();
    }

    /// <summary>Identifiers compared as people read them: normalised, then case-insensitive.</summary>
    public static bool SameIdentifier(string a, string b) =>
        string.Equals(
            TryNormalize(a, out var x) ? x.Trim() : a.Trim(),
            TryNormalize(b, out var y) ? y.Trim() : b.Trim(),
            StringComparison.OrdinalIgnoreCase);

    private static bool TryNormalize(string text, out string normalized, NormalizationForm form = NormalizationForm.FormC)
    {
        try
        {
            normalized = text.IsNormalized(form) ? text : text.Normalize(form);
            return true;
        }
        catch (ArgumentException)
        {
            // Unpaired surrogates cannot be normalised.
            normalized = text;
            return false;
        }
    }

    /// <summary>Lower-case Cyrillic and Greek letters that are drawn like a Latin one.</summary>
    private static readonly Dictionary<char, char> Confusables = new()
    {
        ['а'] = 'a', ['в'] = 'b', ['г'] = 'r', ['д'] = 'd', ['е'] = 'e', ['ё'] = 'e', ['з'] = '3', ['и'] = 'u', ['й'] = 'u',
        ['к'] = 'k', ['л'] = 'n', ['м'] = 'm', ['н'] = 'n', ['о'] = 'o', ['п'] = 'n', ['р'] = 'p', ['с'] = 'c', ['т'] = 't',
        ['у'] = 'y', ['х'] = 'x', ['ь'] = 'b', ['ѕ'] = 's', ['і'] = 'i', ['ї'] = 'i', ['ј'] = 'j', ['ԁ'] = 'd', ['ԛ'] = 'q',
        ['ԝ'] = 'w', ['ү'] = 'y', ['һ'] = 'h', ['ո'] = 'n', ['օ'] = 'o', ['ս'] = 'u',
        ['α'] = 'a', ['β'] = 'b', ['γ'] = 'y', ['ε'] = 'e', ['η'] = 'n', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o',
        ['ρ'] = 'p', ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x', ['ω'] = 'w', ['ϲ'] = 'c', ['ϳ'] = 'j',
    };
}
