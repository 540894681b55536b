using System.Runtime.CompilerServices;

namespace PolicyAudit.Tests.Reports;

/// <summary>
/// Approved-file snapshots: compares text with <c>NAME.verified.EXT</c> beside the calling test file; on a mismatch
/// (or when no approved file exists yet) writes <c>NAME.received.EXT</c> there and fails. Approve by renaming.
/// </summary>
internal static class ApprovedFile
{
    public static void Verify(string actual, string name, string extension, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.GetDirectoryName(callerPath)!;
        var verified = Path.Combine(directory, $"{name}.verified.{extension}");
        var received = Path.Combine(directory, $"{name}.received.{extension}");
        var normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (File.Exists(verified) && File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal) == normalized)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        File.WriteAllText(received, normalized);
        Assert.Fail(File.Exists(verified)
            ? $"{name}: the output differs from {verified}; see {received} (rename it to approve)."
            : $"{name}: no approved file yet; review {received} and rename it to {Path.GetFileName(verified)}.");
    }
}
