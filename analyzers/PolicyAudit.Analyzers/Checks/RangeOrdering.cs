using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyAudit.Analyzers.Checks;

/// <summary>
/// A governed date or time ordered against the bound of a range that is not the clock: <c>this.EndTime &lt; endTime</c>
/// (a session inside its event), <c>e.EndTime &gt;= input.MinDate</c> (a search from/to),
/// <c>rsvpTerm.EndDate &gt; meetingTerm.StartDate</c> (two stored dates normalised). The policies that govern dates
/// test them against the time of a request; code that orders two dates of the domain keeps a range consistent.
/// </summary>
internal static class RangeOrdering
{
    /// <summary>
    /// Words that mark a value as one end of a range. <c>First</c> and <c>Last</c> are left out: they name when
    /// something happened (<c>LastLogin</c>, <c>LastSync</c>), which policies compare with the clock.
    /// </summary>
    private static readonly HashSet<string> BoundWords = new(StringComparer.Ordinal)
    {
        "start", "starts", "started", "starting", "begin", "begins", "beginning",
        "end", "ends", "ended", "ending", "finish", "finishes", "finished",
        "from", "to", "since", "until", "till", "after", "before",
        "min", "max", "minimum", "maximum",
    };

    /// <summary>
    /// Whether <paramref name="comparison"/> orders the governed date of <paramref name="read"/> against a range
    /// bound: relational (equality is left to the other rules), both sides dates or times, the other side named
    /// as a bound and reading no clock.
    /// </summary>
    public static bool IsRangeOrdering(Comparison comparison, MemberRead read) =>
        comparison.Operator is "<" or "<=" or ">" or ">="
        && comparison.Other is { } other
        && DateTimeTypes.IsDateOrTime(read.MemberType)
        && DateTimeTypes.IsDateOrTime(ValueTracer.Strip(comparison.Operand)?.Type)
        && DateTimeTypes.IsDateOrTime(ValueTracer.Strip(other)?.Type)
        && !ValueTracer.Strip(other)!.ConstantValue.HasValue
        && OperandName.Of(other) is { } name
        && IsBoundName(name)
        && !ReadsClock(other, 0);

    private static readonly HashSet<string> StartWords = new(StringComparer.Ordinal) { "start", "begin", "from", "since", "min", "minimum" };

    private static readonly HashSet<string> EndWords = new(StringComparer.Ordinal) { "end", "finish", "to", "until", "till", "max", "maximum" };

    /// <summary>
    /// <c>if (dateFrom &gt; dateTo) return Error(..)</c>, <c>validSince &gt; validUntil</c>, <c>period.Start &gt;= period.End</c>:
    /// the two ends of one range ordered against each other (the same words but a start word and an end word, on
    /// the same object or as locals and parameters) check that the range is well formed, not whether it meets
    /// another: validation of new input, even where a policy orders the dates of two periods.
    /// </summary>
    public static bool IsOwnEnds(Comparison comparison)
    {
        if (comparison.Operator is not ("<" or "<=" or ">" or ">=")
            || comparison.Other is not { } other
            || !DateTimeTypes.IsDateOrTime(ValueTracer.Strip(comparison.Operand)?.Type)
            || OperandName.SymbolOf(comparison.Operand) is not { } first
            || OperandName.SymbolOf(other) is not { } second)
        {
            return false;
        }

        var firstWords = OperandName.Words(first.Name);
        var secondWords = OperandName.Words(second.Name);
        var firstStem = firstWords.Where(w => !BoundWords.Contains(w)).ToList();
        var secondStem = secondWords.Where(w => !BoundWords.Contains(w)).ToList();
        var ends = (firstWords.Any(StartWords.Contains) && secondWords.Any(EndWords.Contains))
            || (firstWords.Any(EndWords.Contains) && secondWords.Any(StartWords.Contains));
        var sameRange = (first is ILocalSymbol or IParameterSymbol && second is ILocalSymbol or IParameterSymbol)
            || (first is IPropertySymbol or IFieldSymbol && second is IPropertySymbol or IFieldSymbol && !first.IsStatic && !second.IsStatic
                && SymbolEqualityComparer.Default.Equals(ValueTracer.RootSymbol(comparison.Operand), ValueTracer.RootSymbol(other)));
        return ends && sameRange && firstStem.SequenceEqual(secondStem, StringComparer.Ordinal);
    }

    /// <summary>A name with a bound word (<c>MinDate</c>, <c>endTime</c>, <c>DateFrom</c>) and no clock word (<c>endOfToday</c>).</summary>
    private static bool IsBoundName(string name)
    {
        var words = OperandName.Words(name);
        return words.Any(BoundWords.Contains) && !IsClockName(words);
    }

    /// <summary>
    /// <c>Now</c>, <c>UtcNow</c>, <c>Today</c>, <c>GetUtcNow()</c>, <c>CurrentTime</c>, <c>GetCurrentInstant()</c>,
    /// on any type: the framework's statics, <c>TimeProvider</c> and the clocks applications inject (<c>_clock.Now</c>).
    /// </summary>
    private static bool IsClockName(List<string> words) =>
        words.Contains("now")
        || words.Contains("today")
        || (words.Contains("current") && words.Any(w => w is "time" or "date" or "instant" or "moment" or "timestamp"));

    /// <summary>Whether the value reads the clock anywhere, also through the locals it is computed from (<c>DateTime.UtcNow.AddDays(-1)</c>).</summary>
    public static bool ReadsClock(IOperation operation) => ReadsClock(operation, 0);

    private static bool ReadsClock(IOperation operation, int depth)
    {
        foreach (var node in new[] { operation }.Concat(operation.Descendants()))
        {
            var name = node switch
            {
                IPropertyReferenceOperation property => property.Property.Name,
                IInvocationOperation invocation => invocation.TargetMethod.Name,
                IFieldReferenceOperation field => field.Field.Name,
                IParameterReferenceOperation parameter => parameter.Parameter.Name,
                ILocalReferenceOperation local => local.Local.Name,
                _ => null,
            };
            if (name is not null && IsClockName(OperandName.Words(name)))
            {
                return true;
            }

            if (node is ILocalReferenceOperation reference
                && depth < ValueTracer.MaxLocalDepth
                && ValueTracer.Initializer(reference) is { } initializer
                && ReadsClock(initializer, depth + 1))
            {
                return true;
            }
        }

        return false;
    }
}
