namespace PolicyAudit.Rules;

/// <summary>The activations ready to fire, highest priority first, then first come first served. Removal is lazy:
/// a removed or re-queued activation's old entry is skipped when it surfaces.</summary>
internal sealed class Agenda
{
    private readonly PriorityQueue<(Activation Activation, int Version), (int Priority, long Sequence)> _queue = new(Order.Instance);
    private long _sequence;

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
        _queue.Enqueue((activation, activation.Version), (activation.Rule.Definition.Priority, activation.Sequence));
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
        while (_queue.TryDequeue(out var entry, out _))
        {
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

    private sealed class Order : IComparer<(int Priority, long Sequence)>
    {
        public static readonly Order Instance = new();

        public int Compare((int Priority, long Sequence) x, (int Priority, long Sequence) y)
        {
            var byPriority = y.Priority.CompareTo(x.Priority);
            return byPriority != 0 ? byPriority : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
