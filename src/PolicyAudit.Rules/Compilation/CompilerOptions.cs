namespace PolicyAudit.Rules;

/// <summary>Switches of the network compiler; tests turn the hash-join index off to compare it with nested loops.</summary>
internal sealed class CompilerOptions
{
    public bool UseHashJoins { get; init; } = true;

    public bool ShareAlphaNodes { get; init; } = true;
}
