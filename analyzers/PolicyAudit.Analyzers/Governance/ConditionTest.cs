using System;
using System.Collections.Generic;

namespace PolicyAudit.Analyzers.Governance;

/// <summary>
/// How a policy condition tests a member: an operator and, when it is a constant, the value (<c>&gt;30</c>,
/// <c>==true</c>, <c>!=0</c>). Written into <c>GovernedMember.Conditions</c> as a <c>;</c>-separated list.
/// </summary>
internal readonly struct ConditionTest : IEquatable<ConditionTest>, IComparable<ConditionTest>
{
    public ConditionTest(string op, string? value)
    {
        Operator = op;
        Value = value;
    }

    public string Operator { get; }

    public string? Value { get; }

    public override string ToString() => Operator + Value;

    public static string Format(IEnumerable<ConditionTest> tests) => string.Join(";", tests);

    public static IReadOnlyList<ConditionTest> Parse(string? text)
    {
        var tests = new List<ConditionTest>();
        if (string.IsNullOrEmpty(text))
        {
            return tests;
        }

        foreach (var entry in text!.Split(';'))
        {
            var split = 0;
            while (split < entry.Length && entry[split] is '<' or '>' or '=' or '!')
            {
                split++;
            }

            if (split > 0)
            {
                var value = entry.Substring(split);
                tests.Add(new ConditionTest(entry.Substring(0, split), value.Length == 0 ? null : value));
            }
        }

        return tests;
    }

    public bool Equals(ConditionTest other) =>
        string.Equals(Operator, other.Operator, StringComparison.Ordinal) && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ConditionTest other && Equals(other);

    public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(Operator) * 31) + (Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value)));

    public int CompareTo(ConditionTest other)
    {
        var byOperator = string.CompareOrdinal(Operator, other.Operator);
        return byOperator != 0 ? byOperator : string.CompareOrdinal(Value, other.Value);
    }
}
