using System.Diagnostics;

namespace PolicyAudit.Reliability.Tests;

/// <summary>Runs a Unix tool (mkfifo, ln, chmod) for what .NET has no API for, and fails the test when it fails.</summary>
internal static class UnixTool
{
    public static void Run(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)}: {error}");
    }
}
