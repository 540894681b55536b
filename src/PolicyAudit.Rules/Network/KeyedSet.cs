namespace PolicyAudit.Rules;

/// <summary>One side of an indexed join's per-session state: items (tokens or facts, by reference) each with its join
/// key. A join memory usually holds a handful of items, so they sit in two parallel arrays and a lookup by key is a
/// linear scan, far cheaper to create than the dictionaries a hash index needs; past <see cref="IndexThreshold"/>
/// items a hash index by key is added so lookups stay constant. Order of arrival is kept within a key. Items and keys
/// share one array of pairs, which starts with room for one: a join usually sees one token and one fact per key.</summary>
internal sealed class KeyedSet<T>
    where T : class
{
    private const int IndexThreshold = 8;
    private Entry[] _entries = [];
    private Dictionary<object, NodeSet<T>>? _byKey;

    public int Count { get; private set; }

    /// <summary>Adds the item with its key; false (and no change) when the item is already present.</summary>
    public bool Add(T item, object key)
    {
        if (IndexOf(item) >= 0)
        {
            return false;
        }

        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, Count == 0 ? 1 : Count * 2);
        }

        _entries[Count] = new Entry(item, key);
        Count++;
        if (_byKey is not null)
        {
            Bucket(key).Add(item);
        }
        else if (Count > IndexThreshold)
        {
            _byKey = [];
            for (var i = 0; i < Count; i++)
            {
                Bucket(_entries[i].Key).Add(_entries[i].Item);
            }
        }

        return true;
    }

    /// <summary>Removes the item; returns its key, or null when it was not present.</summary>
    public object? Remove(T item)
    {
        var position = IndexOf(item);
        if (position < 0)
        {
            return null;
        }

        var key = _entries[position].Key;
        Count--;
        Array.Copy(_entries, position + 1, _entries, position, Count - position);
        _entries[Count] = default;
        if (_byKey is not null && _byKey.TryGetValue(key, out var bucket))
        {
            bucket.Remove(item);
            if (bucket.Count == 0)
            {
                _byKey.Remove(key);
            }
        }

        return key;
    }

    /// <summary>The items whose key equals <paramref name="key"/>, in arrival order, without allocating.</summary>
    public Matches WithKey(object key) => new(this, key, _byKey?.GetValueOrDefault(key));

    private NodeSet<T> Bucket(object key)
    {
        if (!_byKey!.TryGetValue(key, out var bucket))
        {
            _byKey.Add(key, bucket = new NodeSet<T>());
        }

        return bucket;
    }

    private int IndexOf(T item)
    {
        for (var i = 0; i < Count; i++)
        {
            if (ReferenceEquals(_entries[i].Item, item))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Allocation-free enumeration of the items with one key, for <c>foreach</c>. The set must not change
    /// while it is enumerated (propagation below a join never changes the join's own memory).</summary>
    public struct Matches(KeyedSet<T> set, object key, NodeSet<T>? bucket)
    {
        private int _index = -1;
        private T? _current;

        public readonly T Current => _current!;

        public readonly Matches GetEnumerator() => this;

        public bool MoveNext()
        {
            if (set._byKey is not null)
            {
                if (bucket is not null && ++_index < bucket.Count)
                {
                    _current = bucket[_index];
                    return true;
                }

                return false;
            }

            while (++_index < set.Count)
            {
                if (Equals(set._entries[_index].Key, key))
                {
                    _current = set._entries[_index].Item;
                    return true;
                }
            }

            return false;
        }
    }

    private readonly struct Entry(T item, object key)
    {
        public T Item { get; } = item;

        public object Key { get; } = key;
    }
}
