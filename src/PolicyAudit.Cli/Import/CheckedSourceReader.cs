using System.Text;

namespace PolicyAudit.Cli;

/// <summary>
/// Reads an import source as UTF-8, line by line, refusing what a plain <see cref="StreamReader"/> would let
/// through: a byte sequence that is not UTF-8 (which it would silently turn into U+FFFD) and a line longer than
/// <see cref="MaxLineBytes"/> (which it would buffer whole). Either is an <see cref="ImportException"/> naming the
/// physical line. A byte order mark at the start is skipped. Serves both <see cref="ReadLine"/> (JSON Lines) and
/// <see cref="Read()"/>/<see cref="Peek"/> (CSV, whose quoted fields span lines). Not thread-safe.
/// </summary>
internal sealed class CheckedSourceReader : TextReader
{
    /// <summary>The longest line an import accepts, in bytes (1 MiB).</summary>
    public const int MaxLineBytes = 1024 * 1024;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private readonly string _source;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly MemoryStream _line = new();
    private int _start;
    private int _end;
    private bool _atStart = true;
    private int _lineNumber;
    private string _chars = string.Empty;
    private int _position;

    public CheckedSourceReader(Stream stream, string source)
    {
        _stream = stream;
        _source = source;
    }

    public override string? ReadLine()
    {
        if (_position < _chars.Length)
        {
            // A caller mixing Read and ReadLine gets the rest of the current line.
            var rest = _chars[_position..];
            _position = _chars.Length;
            return rest.TrimEnd('\n').TrimEnd('\r');
        }

        var line = NextLine();
        return line?.TrimEnd('\n').TrimEnd('\r');
    }

    public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ReadLine());
    }

    public override int Peek() => Fill() ? _chars[_position] : -1;

    public override int Read() => Fill() ? _chars[_position++] : -1;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Dispose();
            _line.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool Fill()
    {
        while (_position >= _chars.Length)
        {
            var line = NextLine();
            if (line is null)
            {
                return false;
            }

            _chars = line;
            _position = 0;
        }

        return true;
    }

    /// <summary>
    /// The next physical line with its line end, decoded; null at the end of the source. A line ends at <c>\n</c>,
    /// <c>\r\n</c> or a lone <c>\r</c>, as <see cref="StreamReader.ReadLine"/> ends it.
    /// </summary>
    private string? NextLine()
    {
        _line.SetLength(0);
        var endedWithCarriageReturn = false;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = _stream.Read(_buffer, 0, _buffer.Length);
                if (_end == 0)
                {
                    return _line.Length == 0 ? null : Decode(++_lineNumber);
                }
            }

            if (endedWithCarriageReturn)
            {
                // The \r was the last byte of the previous read: a \n right after it belongs to the same line end.
                if (_buffer[_start] == (byte)'\n')
                {
                    _line.WriteByte((byte)'\n');
                    _start++;
                }

                return Decode(++_lineNumber);
            }

            var pending = _buffer.AsSpan(_start, _end - _start);
            var end = pending.IndexOfAny((byte)'\r', (byte)'\n');
            var take = end < 0 ? pending.Length : end + 1;
            if (_line.Length + take > MaxLineBytes + 2)
            {
                throw new ImportException(new SourceLine(_source, _lineNumber + 1),
                    $"the line is longer than {MaxLineBytes:N0} bytes, the most an import line may have");
            }

            _line.Write(_buffer, _start, take);
            _start += take;
            if (end < 0)
            {
                continue;
            }

            if (pending[end] == (byte)'\n')
            {
                return Decode(++_lineNumber);
            }

            if (_start == _end)
            {
                endedWithCarriageReturn = true;
                continue;
            }

            if (_buffer[_start] == (byte)'\n')
            {
                _line.WriteByte((byte)'\n');
                _start++;
            }

            return Decode(++_lineNumber);
        }
    }

    private string Decode(int lineNumber)
    {
        var bytes = _line.GetBuffer().AsSpan(0, (int)_line.Length);
        if (_atStart)
        {
            _atStart = false;
            if (bytes.StartsWith("\uFEFF"u8))
            {
                bytes = bytes[3..];
            }
        }

        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var at = ex.Index >= 0 ? $" at byte {ex.Index + 1} of the line" : string.Empty;
            throw new ImportException(new SourceLine(_source, lineNumber), $"not valid UTF-8{at}: save the file as UTF-8");
        }
    }
}
