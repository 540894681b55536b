using System.Text;

namespace PolicyAudit;

/// <summary>
/// Groups a policy's justifications by the words they share. Each justification is cut into words (letters and
/// digits), lower-cased, stripped of stop words and reduced to a crude stem (plural and common suffixes off, so
/// "allergy", "allergies" and "allergic" meet at "allerg"). Groups are then formed greedily: the stem found in the
/// most overrides (the longer on a tie) makes the first group and takes every justification containing it, and so on. Greedy on purpose: a
/// justification lands in exactly one group, the biggest it fits, so counts add up to the overrides. Stateless and
/// thread-safe.
/// </summary>
internal static class JustificationWords
{
    private const int ExamplesPerGroup = 3;
    private const int MinimumStem = 3;

    // Function words, and words every justification of a service business could contain ("guest", "customer"):
    // they say who the exception was for, never why, and would pull unrelated reasons into one group.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because",
        "been", "before", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he",
        "her", "him", "his", "i", "if", "in", "into", "is", "it", "its", "just", "me", "my", "of", "on", "one", "or",
        "our", "she", "so", "some", "than", "that", "the", "their", "them", "then", "there", "they", "this", "to",
        "too", "us", "very", "was", "we", "were", "what", "when", "which", "who", "will", "with", "would", "you", "your",
        "guest", "guests", "customer", "customers", "client", "clients", "patron", "patrons", "party", "table",
    };

    // Tried in order after the plural is gone; each may apply once per round while the stem stays long enough.
    private static readonly string[] Suffixes = ["ically", "ical", "ation", "ness", "ment", "ing", "ed", "ic", "al", "y", "e"];

    /// <summary>The top <paramref name="top"/> groups of <paramref name="justifications"/> (normalised text → overrides), biggest first.</summary>
    public static IReadOnlyList<JustificationGroup> Group(IReadOnlyDictionary<string, int> justifications, int top)
    {
        var texts = justifications
            .Select(j => new Text(j.Key, j.Value, Words(j.Key)))
            .ToList();
        var groups = new List<JustificationGroup>();
        while (groups.Count < top && texts.Count > 0)
        {
            var stems = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var text in texts)
            {
                foreach (var stem in text.Words.Select(w => w.Stem).Distinct(StringComparer.Ordinal))
                {
                    stems[stem] = stems.GetValueOrDefault(stem) + text.Count;
                }
            }

            // A justification with no content word ("ok", "(none given)") is a group of its own text.
            // Between stems found equally often, the longer one usually names the reason ("kitchen" over "agreed").
            var best = stems.OrderByDescending(s => s.Value).ThenByDescending(s => s.Key.Length).ThenBy(s => s.Key, StringComparer.Ordinal).FirstOrDefault();
            var bare = texts.Where(t => t.Words.Count == 0).OrderByDescending(t => t.Count).ThenBy(t => t.Normalized, StringComparer.Ordinal).FirstOrDefault();
            if (best.Key is null || (bare is not null && bare.Count > best.Value))
            {
                groups.Add(new JustificationGroup(bare!.Normalized, bare.Count, [bare.Normalized]));
                texts.Remove(bare);
                continue;
            }

            var members = texts.Where(t => t.Words.Any(w => w.Stem == best.Key)).ToArray();
            var word = members
                .SelectMany(t => t.Words.Where(w => w.Stem == best.Key).Select(w => (w.Surface, t.Count)))
                .GroupBy(w => w.Surface, StringComparer.Ordinal)
                .OrderByDescending(g => g.Sum(w => w.Count))
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .First().Key;
            var examples = members
                .OrderByDescending(t => t.Count)
                .ThenBy(t => t.Normalized, StringComparer.Ordinal)
                .Take(ExamplesPerGroup)
                .Select(t => t.Normalized)
                .ToArray();
            groups.Add(new JustificationGroup(word, best.Value, examples));
            texts.RemoveAll(t => members.Contains(t));
        }

        return groups;
    }

    /// <summary>The content words of a normalised justification, each with its stem.</summary>
    internal static IReadOnlyList<(string Surface, string Stem)> Words(string normalized)
    {
        if (normalized == JustificationText.NoneGiven)
        {
            return [];
        }

        var words = new List<(string, string)>();
        var word = new StringBuilder();
        foreach (var c in normalized + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            // An apostrophe inside a word ends it without keeping the possessive or contraction ("guest's" → "guest").
            if (word.Length > 1 && !StopWords.Contains(word.ToString()) && !IsNumber(word))
            {
                var surface = word.ToString();
                words.Add((surface, Stem(surface)));
            }

            word.Clear();
        }

        return words;
    }

    internal static string Stem(string word)
    {
        var stem = word;
        if (stem.Length > MinimumStem + 1)
        {
            if (stem.EndsWith("ies", StringComparison.Ordinal))
            {
                stem = stem[..^3] + "y";
            }
            else if (stem.EndsWith("sses", StringComparison.Ordinal))
            {
                stem = stem[..^2];
            }
            else if (stem[^1] == 's' && !stem.EndsWith("ss", StringComparison.Ordinal) && !stem.EndsWith("us", StringComparison.Ordinal) && !stem.EndsWith("is", StringComparison.Ordinal))
            {
                stem = stem[..^1];
            }
        }

        // Two rounds take "lateness" to "late" to "lat", like "late" itself.
        for (var round = 0; round < 2; round++)
        {
            var suffix = Array.Find(Suffixes, s => stem.EndsWith(s, StringComparison.Ordinal) && stem.Length - s.Length >= MinimumStem);
            if (suffix is null)
            {
                break;
            }

            stem = stem[..^suffix.Length];
        }

        return stem;
    }

    private static bool IsNumber(StringBuilder word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (!char.IsDigit(word[i]))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Text(string Normalized, int Count, IReadOnlyList<(string Surface, string Stem)> Words);
}
