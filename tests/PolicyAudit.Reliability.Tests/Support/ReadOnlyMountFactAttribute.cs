using System.Diagnostics;

namespace PolicyAudit.Reliability.Tests;

/// <summary>
/// A fact that needs a real read-only file system: it mounts a small tmpfs, which takes root on Linux in a host or
/// container that allows mounts. Skipped, with the reason, where that is not possible.
/// </summary>
public sealed class ReadOnlyMountFactAttribute : FactAttribute
{
    public ReadOnlyMountFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !CanMount())
        {
            Skip = "needs permission to mount a read-only tmpfs (root on Linux where mounts are allowed)";
        }
    }

    private static bool CanMount()
    {
        var probe = Directory.CreateTempSubdirectory("policyaudit-mount-probe-");
        try
        {
            if (Run("mount", "-t", "tmpfs", "-o", "size=64k,ro", "none", probe.FullName) != 0)
            {
                return false;
            }

            Run("umount", probe.FullName);
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
        finally
        {
            probe.Delete();
        }
    }

    internal static int Run(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
