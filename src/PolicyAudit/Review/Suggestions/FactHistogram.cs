namespace PolicyAudit;

/// <summary>
/// One policy's denials with stored facts, counted per fact property and value, overridden apart from upheld: what a
/// suggestion is searched in. Memory is bounded by properties × distinct values, never by decisions: a property with
/// more than <see cref="MaxValuesPerProperty"/> distinct values (ids, timestamps, prices to the cent) is dropped, since
/// no single equality or threshold on it would read as a policy. Not thread-safe (one review owns it).
/// </summary>
internal sealed class FactHistogram
{
    public const int MaxValuesPerProperty = 1000;

    private readonly Dictionary<string, PropertyCounts?> _properties = new(StringComparer.Ordinal);

    /// <summary>Overridden denials counted.</summary>
    public int Overridden { get; private set; }

    /// <summary>Upheld denials counted.</summary>
    public int Upheld { get; private set; }

    /// <summary>Counts one denial's properties.</summary>
    public void Add(IReadOnlyDictionary<string, FactValue> properties, bool overridden)
    {
        if (overridden)
        {
            Overridden++;
        }
        else
        {
            Upheld++;
        }

        foreach (var (path, value) in properties)
        {
            if (!_properties.TryGetValue(path, out var counts))
            {
                counts = new PropertyCounts();
                _properties.Add(path, counts);
            }

            if (counts is null)
            {
                continue; // dropped: too many distinct values
            }

            if (!counts.Add(value, overridden))
            {
                _properties[path] = null;
            }
        }
    }

    /// <summary>The properties still counted, in ordinal order, with their values' counts.</summary>
    public IEnumerable<(string Path, IReadOnlyDictionary<FactValue, (int Overridden, int Upheld)> Values)> Properties =>
        _properties
            .Where(p => p.Value is not null)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (p.Key, (IReadOnlyDictionary<FactValue, (int, int)>)p.Value!.Values));

    private sealed class PropertyCounts
    {
        public Dictionary<FactValue, (int Overridden, int Upheld)> Values { get; } = [];

        public bool Add(FactValue value, bool overridden)
        {
            var (o, u) = Values.GetValueOrDefault(value);
            if (o + u == 0 && Values.Count >= MaxValuesPerProperty)
            {
                return false;
            }

            Values[value] = overridden ? (o + 1, u) : (o, u + 1);
            return true;
        }
    }
}
