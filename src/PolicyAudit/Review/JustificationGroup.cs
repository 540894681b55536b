namespace PolicyAudit;

/// <summary>
/// Justifications that share a word, counted together: "allergy", "Allergy!" and "guest allergic" are one group.
/// Words are compared by their stem, ignoring case, punctuation and words that carry no reason ("the", "guest").
/// Immutable.
/// </summary>
/// <param name="Word">The word the group shares, as staff most often wrote it (<c>allergy</c>); for justifications without such a word, their text.</param>
/// <param name="Count">How many overrides gave a justification of the group.</param>
/// <param name="Examples">The group's most frequent justifications (normalised), most frequent first, at most three.</param>
public sealed record JustificationGroup(string Word, int Count, IReadOnlyList<string> Examples)
{
    /// <inheritdoc />
    public bool Equals(JustificationGroup? other) =>
        other is not null && Word == other.Word && Count == other.Count && Examples.SequenceEqual(other.Examples);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Word, Count);
}
