namespace PolicyAudit.Reliability.Tests;

/// <summary>A fact about Unix files (pipes, devices, hard links, permissions); skipped, with the reason, on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "needs Unix files (pipes, devices, hard links)";
        }
    }
}

/// <summary>A theory about Unix files; skipped, with the reason, on Windows.</summary>
public sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "needs Unix files (pipes, devices, hard links)";
        }
    }
}
