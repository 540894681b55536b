using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>
/// How a policy condition tests a member: an operator and, when it is a constant, the value (<c>&gt;30</c>,
/// <c>==true</c>, <c>!=0</c>). A method called with constant arguments is tested per argument list, written first
/// in brackets: <c>user.HasPermission(PermissionKind.IsDisabled)</c> is <c>[4]==true</c>. Written into
/// <c>GovernedMember.Conditions</c> as a <c>;</c>-separated list. A flag conjoined with other terms of the Domain's
/// members carries their names after <c>&amp;</c> (<c>[0]==false&amp;HasPermission[14]&amp;GetPreference[6]</c>), see
/// <see cref="FlagCompanions"/>.
/// </summary>
internal readonly struct ConditionTest : IEquatable<ConditionTest>, IComparable<ConditionTest>
{
    public ConditionTest(string op, string? value, string? key = null, IReadOnlyList<string>? with = null)
    {
        Operator = op;
        Value = value;
        Key = key;
        With = with ?? [];
    }

    public string Operator { get; }

    public string? Value { get; }

    /// <summary>The constant arguments of a tested call (<c>4</c> for <c>HasPermission(PermissionKind.IsDisabled)</c>); null for a property or field.</summary>
    public string? Key { get; }

    /// <summary>
    /// The other terms of the Domain's members a flag is conjoined with (<c>GetPreference[6]</c>), empty for a test
    /// that decides on its own; see <see cref="FlagCompanions"/>.
    /// </summary>
    public IReadOnlyList<string> With { get; }

    public override string ToString() => (Key is null ? string.Empty : "[" + Key + "]") + Operator + Value + WithText;

    private string WithText => With is null || With.Count == 0 ? string.Empty : "&" + string.Join("&", With);

    public static string Format(IEnumerable<ConditionTest> tests) => string.Join(";", tests);

    /// <summary>
    /// The values of the items of a <c>Conditions</c> text that start with <paramref name="prefix"/> rather than a test
    /// (<c>@Namespace.Type</c>, <c>^Property</c>), without it; empty when none does.
    /// </summary>
    public static IReadOnlyList<string> ItemsAfter(string? conditions, char prefix)
    {
        if (string.IsNullOrEmpty(conditions))
        {
            return Array.Empty<string>();
        }

        return conditions!.Split(';')
            .Select(item => item.Trim())
            .Where(item => item.Length > 1 && item[0] == prefix)
            .Select(item => item.Substring(1))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Appends the item <paramref name="prefix"/><paramref name="value"/> to a <c>Conditions</c> text; the text itself when the value is null.</summary>
    public static string WithItem(string conditions, char prefix, string? value) =>
        value is null ? conditions : conditions.Length == 0 ? prefix + value : conditions + ";" + prefix + value;

    public static IReadOnlyList<ConditionTest> Parse(string? text)
    {
        var tests = new List<ConditionTest>();
        if (string.IsNullOrEmpty(text))
        {
            return tests;
        }

        foreach (var item in text!.Split(';'))
        {
            var parts = item.Split('&');
            var entry = parts[0];
            string? key = null;
            if (entry.StartsWith("[", StringComparison.Ordinal) && entry.IndexOf(']') is var close and > 0)
            {
                key = entry.Substring(1, close - 1);
                entry = entry.Substring(close + 1);
            }

            var split = 0;
            while (split < entry.Length && entry[split] is '<' or '>' or '=' or '!')
            {
                split++;
            }

            if (split > 0)
            {
                var value = entry.Substring(split);
                tests.Add(new ConditionTest(entry.Substring(0, split), value.Length == 0 ? null : value, key, parts.Skip(1).Where(p => p.Length > 0).ToList()));
            }
        }

        return tests;
    }

    public bool Equals(ConditionTest other) =>
        string.Equals(Operator, other.Operator, StringComparison.Ordinal)
        && string.Equals(Value, other.Value, StringComparison.Ordinal)
        && string.Equals(Key, other.Key, StringComparison.Ordinal)
        && string.Equals(WithText, other.WithText, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ConditionTest other && Equals(other);

    public override int GetHashCode() => unchecked((((StringComparer.Ordinal.GetHashCode(Operator) * 31) + (Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value))) * 31)
        + (Key is null ? 0 : StringComparer.Ordinal.GetHashCode(Key))) ^ StringComparer.Ordinal.GetHashCode(WithText);

    public int CompareTo(ConditionTest other)
    {
        var byKey = string.CompareOrdinal(Key, other.Key);
        if (byKey != 0)
        {
            return byKey;
        }

        var byOperator = string.CompareOrdinal(Operator, other.Operator);
        if (byOperator != 0)
        {
            return byOperator;
        }

        var byValue = string.CompareOrdinal(Value, other.Value);
        return byValue != 0 ? byValue : string.CompareOrdinal(WithText, other.WithText);
    }
}
