namespace PolicyAudit.Rules;

/// <summary>An insertion-ordered set of engine objects (facts, tokens) compared by reference, for node memories.
/// Most memories hold a handful of items, so it is a plain array searched linearly, cheaper to create than a
/// <see cref="HashSet{T}"/>; past <see cref="IndexThreshold"/> items it adds a hash index so lookups stay constant.
/// Removal keeps order (so query sources stay in arrival order) and is linear. Iterate with
/// <see cref="Count"/> and the indexer, which allocates nothing.</summary>
internal class NodeSet<T>
    where T : class
{
    private const int IndexThreshold = 16;
    private T[] _items = [];
    private HashSet<T>? _index;

    public int Count { get; private set; }

    public T this[int index] => _items[index];

    public bool Contains(T item)
    {
        if (_index is not null)
        {
            return _index.Contains(item);
        }

        return IndexOf(item) >= 0;
    }

    public bool Add(T item)
    {
        if (Contains(item))
        {
            return false;
        }

        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Count == 0 ? 2 : Count * 2);
        }

        _items[Count++] = item;
        if (_index is not null)
        {
            _index.Add(item);
        }
        else if (Count > IndexThreshold)
        {
            _index = new HashSet<T>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < Count; i++)
            {
                _index.Add(_items[i]);
            }
        }

        return true;
    }

    public bool Remove(T item)
    {
        if (_index is not null && !_index.Remove(item))
        {
            return false;
        }

        var position = IndexOf(item);
        if (position < 0)
        {
            return false;
        }

        Count--;
        Array.Copy(_items, position + 1, _items, position, Count - position);
        _items[Count] = null!;
        return true;
    }

    public T[] ToArray() => _items[..Count];

    public Enumerator GetEnumerator() => new(this);

    /// <summary>Allocation-free enumeration for <c>foreach</c>.</summary>
    public struct Enumerator(NodeSet<T> set)
    {
        private int _index = -1;

        public readonly T Current => set._items[_index];

        public bool MoveNext() => ++_index < set.Count;
    }

    private int IndexOf(T item)
    {
        for (var i = 0; i < Count; i++)
        {
            if (ReferenceEquals(_items[i], item))
            {
                return i;
            }
        }

        return -1;
    }
}
