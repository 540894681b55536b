using Spectre.Console;

namespace PolicyAudit.Cli;

/// <summary>
/// What every command writes to and opens stores with. On a terminal, progress goes to standard error through
/// Spectre.Console and tables are drawn; redirected, output is plain text so it can be piped and parsed.
/// </summary>
internal sealed class CliContext(TextWriter output, TextWriter error, IStoreOpener stores, bool interactive, TimeProvider time)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public IStoreOpener Stores { get; } = stores;

    public bool Interactive { get; } = interactive;

    public TimeProvider Time { get; } = time;

    /// <summary>Runs <paramref name="work"/> with a spinner and a status line on a terminal, silently otherwise.</summary>
    public async Task<T> WithProgressAsync<T>(string description, Func<IProgress<string>?, Task<T>> work)
    {
        if (!Interactive)
        {
            return await work(null).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Status().StartAsync(Markup.Escape(description), async status =>
            await work(new StatusProgress(status, description)).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes a table: drawn with Spectre.Console on a terminal, aligned plain text otherwise. Cells hold stored or
    /// imported text, so their control and bidi characters are escaped (<see cref="TerminalText"/>).
    /// </summary>
    public void WriteTable(IReadOnlyList<string> columns, IReadOnlyList<string[]> rows)
    {
        rows = rows.Select(row => row.Select(TerminalText.Escape).ToArray()).ToArray();
        if (Interactive)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var column in columns)
            {
                table.AddColumn(Markup.Escape(column));
            }

            foreach (var row in rows)
            {
                table.AddRow(row.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell)).ToArray());
            }

            AnsiConsole.Write(table);
            return;
        }

        var all = new List<string[]> { columns.ToArray() };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, columns.Count).Select(i => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            Out.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }

    private sealed class StatusProgress(StatusContext status, string description) : IProgress<string>
    {
        public void Report(string value) => status.Status(Markup.Escape($"{description}: {value}"));
    }
}
