namespace PolicyAudit.Cli;

/// <summary>
/// Writes the file a command's <c>--out</c> names. The target is refused (exit 2, nothing written) when it is, or
/// resolves through links to, the evidence store or one of SQLite's files beside it (<c>-wal</c>, <c>-shm</c>,
/// <c>-journal</c>), or when it exists and is not a regular file. The content goes to a temporary file in the same
/// folder that is then renamed over the target, so nobody sees half a file, and a hard link to the store is replaced
/// as a name, never written through. Thread-safe (no shared state).
/// </summary>
internal static class OutputFile
{
    private static readonly string[] StoreFiles = [string.Empty, "-wal", "-shm", "-journal"];

    /// <summary>Refuses <paramref name="target"/> when writing it could destroy evidence or would not give a file.</summary>
    /// <param name="option">The option that named it, for the message.</param>
    /// <param name="target">The path the user gave.</param>
    /// <param name="store">The <c>--store</c> text: an SQLite path, or a connection string (nothing on disk to protect).</param>
    /// <exception cref="CliException">Exit 2: the target is the store, one of its files, or not a regular file.</exception>
    public static void Check(string option, string target, string? store)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            throw CliException.BadInput($"{option} must name a file.");
        }

        if (store is not null && !StoreOpener.IsConnectionString(store) && !string.IsNullOrWhiteSpace(store))
        {
            var written = Resolve(target);
            var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            foreach (var storePath in new[] { Path.GetFullPath(store), Resolve(store) })
            {
                foreach (var suffix in StoreFiles)
                {
                    if (string.Equals(written, storePath + suffix, comparison) || string.Equals(Path.GetFullPath(target), storePath + suffix, comparison))
                    {
                        throw CliException.BadInput(
                            $"{option} {TerminalText.Escape(target)} is {(suffix.Length == 0 ? "the evidence store" : $"the evidence store's {suffix[1..]} file")} ({TerminalText.Escape(storePath + suffix)}); writing it would destroy evidence. Name another file.");
                    }
                }
            }
        }

        if (FileKind.IsNonRegular(target, out var what))
        {
            throw CliException.BadInput($"{option} {TerminalText.Escape(target)} exists and is {what}, not a regular file; name a file to write.");
        }
    }

    /// <summary>Writes <paramref name="target"/> whole: to a temporary file beside it, then renamed into place.</summary>
    /// <exception cref="CliException">Exit 1: the file cannot be written; the target is unchanged.</exception>
    public static void Write(string target, Action<TextWriter> write)
    {
        var full = Path.GetFullPath(target);
        var temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var writer = new StreamWriter(temp, false, new System.Text.UTF8Encoding(false)))
            {
                write(writer);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException(ExitCodes.Failure, $"{TerminalText.Escape(target)}: cannot be written: {ex.Message}");
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>The absolute path with every symbolic link on the way resolved, as the operating system would follow it.</summary>
    internal static string Resolve(string path, int depth = 0)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo? target = null;
            try
            {
                target = new FileInfo(next).LinkTarget is null ? null : File.ResolveLinkTarget(next, returnFinalTarget: true);
            }
            catch (IOException)
            {
                // A link loop: the OS would fail to follow it too; compare the path as written.
            }

            // 40 is the kernel's own limit on links followed in one lookup.
            current = target is not null && depth < 40 ? Resolve(target.FullName, depth + 1) : next;
        }

        return current;
    }
}
