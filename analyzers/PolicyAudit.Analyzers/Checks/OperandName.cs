using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyAudit.Analyzers.Checks;

/// <summary>
/// The identifier a compared value is read from, and its words: <c>input.MinDate.Value</c> is <c>MinDate</c>, whose
/// words are <c>Min</c> and <c>Date</c>. Names are how code says what a value means (the bound of a range, another
/// version of the same attribute) when its type cannot.
/// </summary>
internal static class OperandName
{
    /// <summary>
    /// The member, parameter or local the value is read from, seen through conversions, <c>?.</c>,
    /// <c>Nullable.Value</c>, <c>GetValueOrDefault()</c> and the date members that shift or truncate a date
    /// (<c>end.Date</c>, <c>end.AddDays(1)</c>), which keep its meaning; null for anything computed otherwise.
    /// </summary>
    public static string? Of(IOperation? operation) => SymbolOf(operation)?.Name;

    /// <summary>The property, field, parameter or local <see cref="Of"/> names.</summary>
    public static ISymbol? SymbolOf(IOperation? operation)
    {
        while (true)
        {
            switch (ValueTracer.Strip(operation))
            {
                case IConditionalAccessOperation conditional:
                    operation = conditional.WhenNotNull;
                    continue;
                case IPropertyReferenceOperation { Instance: { } instance } property when KeepsMeaning(property.Property):
                    operation = instance;
                    continue;
                case IInvocationOperation { Instance: { } instance } call when KeepsMeaning(call.TargetMethod):
                    operation = instance;
                    continue;
                case IPropertyReferenceOperation property:
                    return property.Property;
                case IFieldReferenceOperation field:
                    return field.Field;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case ILocalReferenceOperation local:
                    return local.Local;
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// The words of an identifier in its own case, split where a capital follows a small letter or at <c>_</c>:
    /// <c>CreateBooking</c> → Create, Booking; <c>ApproveDamageReport</c> → Approve, Damage, Report.
    /// </summary>
    public static List<string> Humps(string? name)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(name))
        {
            return words;
        }

        var start = 0;
        for (var i = 1; i <= name!.Length; i++)
        {
            if (i == name.Length || (char.IsUpper(name[i]) && !char.IsUpper(name[i - 1])) || name[i] == '_')
            {
                var word = name.Substring(start, i - start).Trim('_');
                if (word.Length > 0)
                {
                    words.Add(word);
                }

                start = i;
            }
        }

        return words;
    }

    /// <summary>
    /// The words of an identifier, lower-cased: <c>MinDate</c> → min, date; <c>_endTime</c> → end, time;
    /// <c>UTCNow</c> → utc, now; <c>@event</c> → event.
    /// </summary>
    public static List<string> Words(string identifier)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= identifier.Length; i++)
        {
            var c = i < identifier.Length ? identifier[i] : '_';
            if (!char.IsLetterOrDigit(c))
            {
                Flush(i);
                continue;
            }

            if (start >= 0 && char.IsUpper(c))
            {
                var previous = identifier[i - 1];
                var nextIsLower = i + 1 < identifier.Length && char.IsLower(identifier[i + 1]);

                // A hump starts a word (endTime), and so does the last capital of an acronym before a lower-case run (UTCNow).
                if (!char.IsUpper(previous) || nextIsLower)
                {
                    Flush(i);
                }
            }

            if (start < 0)
            {
                start = i;
            }
        }

        return words;

        void Flush(int end)
        {
            if (start >= 0)
            {
                words.Add(identifier.Substring(start, end - start).ToLowerInvariant());
                start = -1;
            }
        }
    }

    /// <summary>
    /// Whether two identifiers name the same attribute: equal but for case and a leading <c>_</c> or <c>@</c>
    /// (<c>stockQuantity</c>, <c>_stockQuantity</c> and <c>StockQuantity</c>).
    /// </summary>
    public static bool SameAttribute(string first, string second) =>
        string.Equals(first.TrimStart('_', '@'), second.TrimStart('_', '@'), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <c>Nullable.Value</c> and <c>GetValueOrDefault()</c>, and members of a date or time that return one
    /// (<c>Date</c>, <c>AddDays</c>, <c>ToUniversalTime</c>, <c>UtcDateTime</c>): the value read is still the one named.
    /// </summary>
    private static bool KeepsMeaning(ISymbol member)
    {
        var owner = member.ContainingType?.OriginalDefinition;
        if (owner?.SpecialType == SpecialType.System_Nullable_T)
        {
            return member.Name is "Value" or "GetValueOrDefault";
        }

        var result = member switch
        {
            IPropertySymbol property => property.Type,
            IMethodSymbol method => method.ReturnType,
            _ => null,
        };
        return !member.IsStatic && DateTimeTypes.IsDateOrTime(owner) && DateTimeTypes.IsDateOrTime(result);
    }
}
