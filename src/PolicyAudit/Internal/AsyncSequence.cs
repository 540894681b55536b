namespace PolicyAudit;

/// <summary>Adapts a materialised sequence to <see cref="IAsyncEnumerable{T}"/> (net8.0 has no built-in adapter).</summary>
internal static class AsyncSequence
{
    public static async IAsyncEnumerable<T> From<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
