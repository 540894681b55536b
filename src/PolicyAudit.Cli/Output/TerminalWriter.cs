using System.Text;

namespace PolicyAudit.Cli;

/// <summary>
/// Standard output for a report: passes the report's own line ends (<c>\n</c>, <c>\r\n</c>) and tabs through and
/// escapes every other control or bidi-control character (<see cref="TerminalText"/>), so evidence text cannot send
/// escape sequences to a terminal or overprint a line. <c>--out</c> files are written as they are. Not thread-safe.
/// </summary>
internal sealed class TerminalWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _escape = new(8);
    private bool _pendingCarriageReturn;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (_pendingCarriageReturn)
        {
            _pendingCarriageReturn = false;
            if (value == '\n')
            {
                inner.Write("\r\n");
                return;
            }

            inner.Write("\\r");
        }

        if (value == '\r')
        {
            _pendingCarriageReturn = true;
        }
        else if (value is '\n' or '\t' || !TerminalText.NeedsEscape(value))
        {
            inner.Write(value);
        }
        else
        {
            _escape.Clear();
            TerminalText.AppendEscape(_escape, value);
            inner.Write(_escape.ToString());
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        if (!_pendingCarriageReturn && value.All(c => c is '\n' or '\t' || !TerminalText.NeedsEscape(c)))
        {
            inner.Write(value);
            return;
        }

        foreach (var c in value)
        {
            Write(c);
        }
    }

    public override void Flush()
    {
        if (_pendingCarriageReturn)
        {
            _pendingCarriageReturn = false;
            inner.Write("\\r");
        }

        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        // The inner writer is the command's standard output: flushed, never closed here.
        Flush();
        base.Dispose(disposing);
    }
}
