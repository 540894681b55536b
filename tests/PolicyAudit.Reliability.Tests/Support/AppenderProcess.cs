using System.Diagnostics;
using System.Globalization;

namespace PolicyAudit.Reliability.Tests;

/// <summary>
/// The appender child process (tests/PolicyAudit.Reliability.Appender) run with <c>dotnet</c>: it appends overrides
/// and prints <c>ACK id sequence hash</c> after each append returned. A line read here is an acknowledged override.
/// </summary>
internal sealed class AppenderProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<Receipt> _receipts = [];
    private readonly System.Text.StringBuilder _errors = new();

    private AppenderProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_errors)
                {
                    _errors.AppendLine(e.Data);
                }
            }
        };
        _process.BeginErrorReadLine();
    }

    /// <summary>Every receipt read so far.</summary>
    public IReadOnlyList<Receipt> Receipts => _receipts;

    /// <summary>What the child wrote to standard error.</summary>
    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>Starts the child and waits for it to have opened the store.</summary>
    public static async Task<AppenderProcess> StartAsync(string store, int threads, int perThread, string prefix)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { AppenderPath, store, threads.ToString(CultureInfo.InvariantCulture), perThread.ToString(CultureInfo.InvariantCulture), prefix })
        {
            start.ArgumentList.Add(argument);
        }

        var child = new AppenderProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        var first = await child._process.StandardOutput.ReadLineAsync();
        if (first != "READY")
        {
            await child._process.WaitForExitAsync();
            throw new InvalidOperationException($"The appender did not start: '{first}'\n{child.Errors}");
        }

        return child;
    }

    /// <summary>Reads receipts until <paramref name="count"/> have been read in all (or the child ends).</summary>
    public async Task ReadReceiptsAsync(int count)
    {
        while (_receipts.Count < count && await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            Take(line);
        }
    }

    /// <summary>Reads every receipt until the child ends, and returns its exit code.</summary>
    public async Task<int> ReadToEndAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            Take(line);
        }

        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <summary>SIGKILLs the child, then reads the receipts it printed before it died: those were acknowledged too.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await ReadToEndAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Take(string line)
    {
        var parts = line.Split(' ');

        // A line cut short by the kill was never fully printed, so nobody could have taken it as a receipt.
        if (parts is ["ACK", var id, var sequence, { Length: 64 } hash]
            && long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            _receipts.Add(new Receipt(id, position, hash));
        }
    }

    private static string AppenderPath { get; } = FindAppender();

    private static string FindAppender()
    {
        // The tests run from tests/PolicyAudit.Reliability.Tests/bin/<configuration>/<framework>/; the appender is
        // built beside them (ProjectReference, ReferenceOutputAssembly=false) into its own bin folder.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var tests = output.Parent.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(tests, "PolicyAudit.Reliability.Appender", "bin", configuration, framework, "PolicyAudit.Reliability.Appender.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The appender was not built: {path}", path);
    }

    /// <summary>An acknowledged override: its id and its place in the chain.</summary>
    internal sealed record Receipt(string OverrideId, long Sequence, string Hash);
}
