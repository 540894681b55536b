using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PolicyAudit;

/// <summary>
/// Turns the facts passed to the engine into what a decision's evidence keeps of them: canonical JSON, masked, within
/// the size limit. A fact that cannot be written (a property that throws, a pointer) or does not fit is listed by
/// type only, marked as omitted: recording never fails a decision. Thread-safe; buffers are per thread.
/// </summary>
internal sealed class FactsRecorder
{
    /// <summary>The facts kept when nothing is configured: stored, 16 KB at most, no pseudonym key (marked properties dropped).</summary>
    public static readonly FactsRecorder Default = new(new FactMasking([], null), PolicyAuditOptions.DefaultFactsSizeLimit, store: true);

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [ThreadStatic]
    private static State? t_state;

    private readonly FactMasking _masking;
    private readonly int _limit;
    private readonly bool _store;

    public FactsRecorder(FactMasking masking, int limit, bool store)
    {
        _masking = masking;
        _limit = limit;
        _store = store;
    }

    /// <summary>Captures <paramref name="facts"/> (a <see cref="ServiceContext"/> among them is recorded apart and skipped).</summary>
    public CapturedFacts Capture(object[] facts)
    {
        var state = t_state ??= new State();
        var written = state.Write(facts, _masking);
        if (written.Length > _limit)
        {
            written = state.Cut(_limit);
        }

        var digest = DecisionFacts.DigestOf(written);
        var stored = _store ? DecisionFacts.FromCanonical(written, digest) : null;
        state.Release();
        return new CapturedFacts(digest, stored);
    }

    /// <summary>One thread's buffers: the facts as first written, the entries' extents in it, and room to cut.</summary>
    private sealed class State
    {
        private const int KeepBuffersUpTo = 64 * 1024;

        private readonly ArrayBufferWriter<byte> _all = new(1024);
        private readonly ArrayBufferWriter<byte> _value = new(512);
        private readonly ArrayBufferWriter<byte> _cut = new(1024);
        private readonly Utf8JsonWriter _allWriter;
        private readonly Utf8JsonWriter _valueWriter;
        private readonly Utf8JsonWriter _cutWriter;
        private readonly List<(string Type, int Start, int End, bool Omitted)> _entries = [];

        public State()
        {
            _allWriter = new Utf8JsonWriter(_all, WriterOptions);
            _valueWriter = new Utf8JsonWriter(_value, WriterOptions);
            _cutWriter = new Utf8JsonWriter(_cut, WriterOptions);
        }

        public ReadOnlySpan<byte> Write(object[] facts, FactMasking masking)
        {
            _all.Clear();
            _allWriter.Reset(_all);
            _entries.Clear();
            _allWriter.WriteStartArray();
            foreach (var fact in facts)
            {
                if (fact is ServiceContext)
                {
                    continue;
                }

                var type = fact.GetType();
                var typeName = type.FullName ?? type.Name;
                _allWriter.Flush();
                var start = _all.WrittenCount + (_entries.Count > 0 ? 1 : 0);
                var serialized = TrySerialize(fact, type, masking.Options);
                if (serialized)
                {
                    DecisionFacts.WriteEntry(_allWriter, typeName, _value.WrittenSpan, masking.MaskedPaths(type));
                }
                else
                {
                    DecisionFacts.WriteOmitted(_allWriter, typeName, DecisionFacts.OmittedNotSerializable);
                }

                _allWriter.Flush();
                _entries.Add((typeName, start, _all.WrittenCount, !serialized));
            }

            _allWriter.WriteEndArray();
            _allWriter.Flush();
            return _all.WrittenSpan;
        }

        /// <summary>
        /// Keeps whole entries, in order, while they fit with room left for a short entry for each fact after them;
        /// a fact that does not fit is listed by type, its value omitted. The types are always kept, so a limit
        /// bounds the values, and a decision with very many facts may go over it by their names.
        /// </summary>
        public ReadOnlySpan<byte> Cut(int limit)
        {
            _cut.Clear();
            _cutWriter.Reset(_cut);
            var stubs = new int[_entries.Count + 1];
            for (var i = _entries.Count - 1; i >= 0; i--)
            {
                // {"type":"...","omitted":"too-large"} and a comma: 40 bytes around the name.
                stubs[i] = stubs[i + 1] + Encoding.UTF8.GetByteCount(_entries[i].Type) + 40;
            }

            _cutWriter.WriteStartArray();
            for (var i = 0; i < _entries.Count; i++)
            {
                var (type, start, end, omitted) = _entries[i];
                _cutWriter.Flush();
                var whole = _all.WrittenSpan[start..end];
                if (omitted || _cut.WrittenCount + 1 + whole.Length + stubs[i + 1] + 1 <= limit)
                {
                    _cutWriter.WriteRawValue(whole, skipInputValidation: true);
                }
                else
                {
                    DecisionFacts.WriteOmitted(_cutWriter, type, DecisionFacts.OmittedTooLarge);
                }
            }

            _cutWriter.WriteEndArray();
            _cutWriter.Flush();
            return _cut.WrittenSpan;
        }

        /// <summary>Gives back buffers that one huge decision grew, so they do not stay pinned to the thread.</summary>
        public void Release()
        {
            if (_all.Capacity > KeepBuffersUpTo || _value.Capacity > KeepBuffersUpTo || _cut.Capacity > KeepBuffersUpTo)
            {
                t_state = null;
            }
        }

        private bool TrySerialize(object fact, Type type, JsonSerializerOptions options)
        {
            _value.Clear();
            _valueWriter.Reset(_value);
            try
            {
                JsonSerializer.Serialize(_valueWriter, fact, type, options);
                _valueWriter.Flush();
                return true;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A fact's getter may throw anything; keeping the facts must never fail the decision.
                _value.Clear();
                _valueWriter.Reset(_value);
                return false;
            }
        }
    }
}
