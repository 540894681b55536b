namespace PolicyAudit.Rules;

/// <summary>The activations ready to fire, highest priority first, then first come first served. Removal is lazy:
/// a removed or re-queued activation's old entry is skipped when it surfaces.</summary>
internal sealed class Agenda
{
    // A binary min-heap of (activation, version) entries: half the size of a PriorityQueue's element-priority pairs,
    // and the order reads priority and sequence from the activation itself.
    private Entry[] _heap;
    private int _size;
    private long _sequence;

    /// <param name="expectedCount">How many activations a session typically queues, to size the heap once.</param>
    public Agenda(int expectedCount) => _heap = new Entry[Math.Clamp(expectedCount, 4, 64)];

    public int Count { get; private set; }

    public void Enqueue(Activation activation)
    {
        if (activation.IsQueued)
        {
            return;
        }

        activation.Version++;
        activation.IsQueued = true;
        activation.Sequence = ++_sequence;
        Count++;
        if (_size == _heap.Length)
        {
            Array.Resize(ref _heap, _size == 0 ? 8 : _size * 2);
        }

        var entry = new Entry(activation, activation.Version);
        var position = _size++;
        while (position > 0)
        {
            var parent = (position - 1) / 2;
            if (!Before(entry, _heap[parent]))
            {
                break;
            }

            _heap[position] = _heap[parent];
            position = parent;
        }

        _heap[position] = entry;
    }

    public void Remove(Activation activation)
    {
        if (!activation.IsQueued)
        {
            return;
        }

        activation.IsQueued = false;
        activation.Version++;
        Count--;
    }

    public bool TryPop(out Activation activation)
    {
        while (_size > 0)
        {
            var entry = _heap[0];
            RemoveTop();
            if (entry.Activation.IsQueued && entry.Activation.Version == entry.Version)
            {
                activation = entry.Activation;
                activation.IsQueued = false;
                Count--;
                return true;
            }
        }

        activation = null!;
        return false;
    }

    private void RemoveTop()
    {
        var last = _heap[--_size];
        _heap[_size] = default;
        if (_size == 0)
        {
            return;
        }

        var position = 0;
        while (true)
        {
            var child = (2 * position) + 1;
            if (child >= _size)
            {
                break;
            }

            if (child + 1 < _size && Before(_heap[child + 1], _heap[child]))
            {
                child++;
            }

            if (!Before(_heap[child], last))
            {
                break;
            }

            _heap[position] = _heap[child];
            position = child;
        }

        _heap[position] = last;
    }

    /// <summary>Higher priority first, then first come first served. The sequence is read from the entry's own time
    /// of queueing: a stale entry of a re-queued activation has an older version and is skipped when it surfaces.</summary>
    private static bool Before(Entry x, Entry y)
    {
        var px = x.Activation.Rule.Definition.Priority;
        var py = y.Activation.Rule.Definition.Priority;
        return px != py ? px > py : x.Sequence < y.Sequence;
    }

    private readonly struct Entry(Activation activation, int version)
    {
        public Activation Activation { get; } = activation;

        public int Version { get; } = version;

        public long Sequence { get; } = activation.Sequence;
    }
}
