using System.Globalization;

namespace PolicyAudit;

/// <summary>
/// A record's place in the evidence chain: its sequence number and hash. The head, exported, is a checkpoint a
/// reviewer keeps to prove later that no newer records were cut off. Immutable.
/// </summary>
/// <param name="Sequence">The record's position, from 1.</param>
/// <param name="Hash">The record's chain hash (hex SHA-256, lower case).</param>
public sealed record ChainCheckpoint(long Sequence, string Hash)
{
    /// <summary>The checkpoint as one line of text: <c>sequence hash</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Sequence.ToString(CultureInfo.InvariantCulture) + " " + Hash;

    /// <summary>Parses the text written by <see cref="ToString"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The checkpoint.</returns>
    /// <exception cref="FormatException">The text is not <c>sequence hash</c>.</exception>
    public static ChainCheckpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || sequence < 1
            || parts[1].Length != 64
            || !parts[1].All(Uri.IsHexDigit))
        {
            throw new FormatException($"A checkpoint is '<sequence> <64 hex digits>', not '{text.Trim()}'.");
        }

        return new ChainCheckpoint(sequence, parts[1].ToLowerInvariant());
    }
}
