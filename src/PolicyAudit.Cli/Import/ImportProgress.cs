using System.Globalization;

namespace PolicyAudit.Cli;

/// <summary>How often, and in what words, readers report their progress through a long source.</summary>
internal static class ImportProgress
{
    public const int Every = 10_000;

    public static string Lines(string source, int line) =>
        $"{Path.GetFileName(source)}: {line.ToString("N0", CultureInfo.InvariantCulture)} lines read";
}
