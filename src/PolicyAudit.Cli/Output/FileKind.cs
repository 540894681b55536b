using System.Runtime.InteropServices;

namespace PolicyAudit.Cli;

/// <summary>What kind of file system object a path names, following links: .NET reports a pipe or a device as a
/// normal file, and writing a report to either would hang or go nowhere.</summary>
internal static class FileKind
{
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Directory = 0x4000;

    /// <summary>True when <paramref name="path"/> exists and is something other than a regular file (a directory, a pipe, a device, a socket).</summary>
    public static bool IsNonRegular(string path, out string what)
    {
        what = string.Empty;
        if (System.IO.Directory.Exists(path))
        {
            what = "a directory";
            return true;
        }

        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return false;
        }

        // .NET's own portable stat (libSystem.Native ships with every .NET runtime on Unix); its FileStatus starts
        // with Flags and Mode (POSIX S_IF* type bits), and the buffer is larger than the whole structure.
        var status = new byte[512];
        if (Stat(path, status) != 0)
        {
            return false;
        }

        var type = BitConverter.ToInt32(status, 4) & TypeMask;
        if (type is RegularFile)
        {
            return false;
        }

        what = type switch
        {
            Directory => "a directory",
            0x1000 => "a pipe",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "not a regular file",
        };
        return true;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
}
