using System.Collections;

namespace PolicyAudit.Rules;

/// <summary>A query group: its key and its elements in insertion order.</summary>
internal sealed class Grouping<TKey, TElement>(TKey key, List<TElement> elements) : IGrouping<TKey, TElement>, IReadOnlyList<TElement>
{
    public TKey Key { get; } = key;

    public int Count => elements.Count;

    public TElement this[int index] => elements[index];

    public IEnumerator<TElement> GetEnumerator() => elements.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{Key} ({elements.Count})";
}
