using System.Collections.ObjectModel;
using System.Numerics;

namespace PolicyAudit.Rules;

/// <summary>Typed reducers for query stages. The compiler closes them over the element type once, at compile time.</summary>
internal static class AggregateFunctions
{
    public static object Collect<T>(List<object?> items)
    {
        var list = new List<T>(items.Count);
        foreach (var item in items)
        {
            list.Add((T)item!);
        }

        return new ReadOnlyCollection<T>(list);
    }

    public static object Sum<T>(List<object?> items)
        where T : INumber<T>
    {
        var total = T.Zero;
        foreach (var item in items)
        {
            total += (T)item!;
        }

        return total;
    }

    public static object Group<TKey, T>(object? key, List<object?> items)
    {
        var list = new List<T>(items.Count);
        foreach (var item in items)
        {
            list.Add((T)item!);
        }

        return new Grouping<TKey, T>((TKey)key!, list);
    }
}
