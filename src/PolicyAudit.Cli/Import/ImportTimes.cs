namespace PolicyAudit.Cli;

/// <summary>
/// The times an import accepts: evidence dated before <see cref="Earliest"/> or after <see cref="Latest"/> cannot be
/// true (a clock reset to 1970, a year typed 2206) and would skew every review it falls in. Immutable.
/// </summary>
/// <param name="Earliest">The earliest time accepted; by default 2000-01-01T00:00:00Z.</param>
/// <param name="Latest">The latest time accepted; by default a day after the import runs.</param>
internal sealed record ImportTimes(DateTimeOffset Earliest, DateTimeOffset Latest)
{
    /// <summary>The default earliest time.</summary>
    public static readonly DateTimeOffset DefaultEarliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The defaults, as of <paramref name="now"/>: from 2000-01-01 to a day after now.</summary>
    public static ImportTimes Default(DateTimeOffset now) => new(DefaultEarliest, now.AddDays(1));

    /// <summary>Null when <paramref name="at"/> is accepted, else what is wrong with it.</summary>
    public string? Problem(string field, DateTimeOffset at) =>
        at < Earliest
            ? $"'{field}' {EvidenceCodec.FormatTime(at)} is before {EvidenceCodec.FormatTime(Earliest)}, the earliest time an import accepts (see --earliest)"
            : at > Latest
                ? $"'{field}' {EvidenceCodec.FormatTime(at)} is after {EvidenceCodec.FormatTime(Latest)}, the latest time an import accepts (by default a day after now; see --latest)"
                : null;
}
