using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyAudit.Analyzers.Checks;

/// <summary>
/// One side of a check and how it is tested: <c>order.Days &gt; 30</c> is the operand <c>order.Days</c>, the operator
/// <c>&gt;</c> and the other side <c>30</c>, always written with the operand on the left.
/// </summary>
internal readonly struct Comparison
{
    public Comparison(IOperation operand, string op, IOperation? other)
    {
        Operand = operand;
        Operator = op;
        Other = other;
    }

    public IOperation Operand { get; }

    /// <summary><c>==</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c> or <c>&gt;=</c>.</summary>
    public string Operator { get; }

    /// <summary>What the operand is compared with; null when the operand is a flag tested for true.</summary>
    public IOperation? Other { get; }

    /// <summary>
    /// The comparisons a binary operator, <c>Equals</c> call or <c>CompareTo(..) op 0</c> makes, each side in turn as
    /// the operand; empty for anything else.
    /// </summary>
    public static (Comparison First, Comparison Second)? From(IOperation operation)
    {
        switch (operation)
        {
            case IBinaryOperation binary when OperatorText(binary.OperatorKind) is { } op:
                if (CompareCall(binary.LeftOperand) is var (left, right) && ValueTracer.Strip(binary.RightOperand)?.ConstantValue.HasValue == true)
                {
                    return Both(left, op, right);
                }

                if (CompareCall(binary.RightOperand) is var (left2, right2) && ValueTracer.Strip(binary.LeftOperand)?.ConstantValue.HasValue == true)
                {
                    return Both(left2, Mirror(op), right2);
                }

                return Both(binary.LeftOperand, op, binary.RightOperand);

            case IInvocationOperation { TargetMethod.Name: "Equals" } invocation:
                // `code.Equals(discount.CouponCode, StringComparison.OrdinalIgnoreCase)`: the second argument says how.
                if (invocation.Instance is { } instance && invocation.Arguments.Length is 1 or 2)
                {
                    return Both(instance, "==", invocation.Arguments[0].Value);
                }

                if (invocation.Instance is null && invocation.Arguments.Length is 2 or 3)
                {
                    return Both(invocation.Arguments[0].Value, "==", invocation.Arguments[1].Value);
                }

                return null;

            default:
                return null;
        }
    }

    /// <summary><c>a.CompareTo(b)</c> or <c>T.Compare(a, b)</c>: compared with a constant it compares <c>a</c> with <c>b</c>.</summary>
    private static (IOperation Left, IOperation Right)? CompareCall(IOperation operation) =>
        ValueTracer.Strip(operation) switch
        {
            IInvocationOperation { TargetMethod.Name: "CompareTo", Instance: { } instance, Arguments.Length: 1 } call => (instance, call.Arguments[0].Value),
            IInvocationOperation { TargetMethod: { Name: "Compare", IsStatic: true }, Arguments.Length: >= 2 } call => (call.Arguments[0].Value, call.Arguments[1].Value),
            _ => null,
        };

    private static (Comparison, Comparison) Both(IOperation left, string op, IOperation right) =>
        (new Comparison(left, op, right), new Comparison(right, Mirror(op), left));

    public static string? OperatorText(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Equals => "==",
        BinaryOperatorKind.NotEquals => "!=",
        BinaryOperatorKind.LessThan => "<",
        BinaryOperatorKind.LessThanOrEqual => "<=",
        BinaryOperatorKind.GreaterThan => ">",
        BinaryOperatorKind.GreaterThanOrEqual => ">=",
        _ => null,
    };

    /// <summary>The operator with its sides swapped: <c>30 &lt; x</c> is <c>x &gt; 30</c>.</summary>
    public static string Mirror(string op) => op switch
    {
        "<" => ">",
        "<=" => ">=",
        ">" => "<",
        ">=" => "<=",
        _ => op,
    };

    /// <summary>The operator that is true exactly when this one is false: code often tests the complement of a policy's condition.</summary>
    public static string Negate(string op) => op switch
    {
        "==" => "!=",
        "!=" => "==",
        "<" => ">=",
        "<=" => ">",
        ">" => "<=",
        ">=" => "<",
        _ => op,
    };

    /// <summary>
    /// The value a policy's condition records for an ordering of a member against the same member of another fact
    /// (<c>subject.Position &gt;= moderator.Position</c>, <c>current.StorageLimit &gt; next.StorageLimit</c>): in such a
    /// policy, the code's ordering of two values of the member is its test, not a change detection.
    /// </summary>
    public const string SameMemberKey = "same";

    /// <summary>
    /// The value a policy's condition records for an ordering of a date or time against another date of its facts, not
    /// the clock (<c>attach.ValidFrom &gt; contract.ExpiringAt</c>, <c>absence.StartTime &lt;= hearing.ScheduledEndTime</c>):
    /// such a policy asks whether one period reaches into another, so the code's ordering of the member against a
    /// range's bound (<c>validFrom &lt;= expiringAt</c>) is its test, not a range kept consistent.
    /// </summary>
    public const string OtherDateKey = "date";

    /// <summary>
    /// The value a policy's condition records for a key matched with another fact's (<c>u.Id != auction.OwnerId</c>,
    /// <c>b.BidderId == auction.SellerId</c>, <c>r.Creator != user</c>; see <c>OwnershipTest</c>): the code's comparison of
    /// the key with a value that is not a constant is then that policy's test, not a lookup by key.
    /// </summary>
    public const string OwnerKey = "owner";

    /// <summary>
    /// The threshold index's key for a date or time a policy orders against the clock (<c>a.ScheduledAtUtc &lt;
    /// DateTime.UtcNow.AddDays(-7)</c>, recorded without a value); never a test's value.
    /// </summary>
    public const string ClockWindowKey = "clock";

    /// <summary>
    /// The threshold index's prefix for a state a policy matches a member to (<c>=\"Admin\"</c> for <c>u.Role != "Admin"</c>,
    /// <c>=3</c> for an enum's member); never a test's value.
    /// </summary>
    public const string StateKeyPrefix = "=";

    /// <summary>
    /// A constant written so that equal thresholds compare equal however they are typed (<c>30</c>, <c>30m</c>,
    /// an enum member and its number); null when the operation is not a constant.
    /// </summary>
    public static string? ValueKey(IOperation? operation)
    {
        var stripped = ValueTracer.Strip(operation);
        if (stripped is IDefaultValueOperation)
        {
            // `RequestedDate != default`: a value type's default, which a policy may test like zero.
            return "default";
        }

        if (MarkerKey(stripped) is { } marker)
        {
            return marker;
        }

        if (EnumMemberName(stripped) is { } name)
        {
            // `AuctionStatus.Active.ToString()`: the text "Active", as a string state's constant.
            return "\"" + name + "\"";
        }

        if (SmartStateName(stripped) is { } state)
        {
            // `CourseStatus.Published` of an `Enumeration` class: the state's name, as a string state's constant.
            return "\"" + state + "\"";
        }

        if (stripped is null || !stripped.ConstantValue.HasValue)
        {
            return null;
        }

        return stripped.ConstantValue.Value switch
        {
            null => "null",
            bool flag => flag ? "true" : "false",
            string text => text.IndexOf(';') >= 0 ? null : "\"" + text + "\"",
            char c => "'" + c + "'",
            IConvertible number => NumberKey(number),
            _ => null,
        };
    }

    /// <summary>The key of a number, whatever its type (<c>5</c>, <c>5m</c> and <c>5.0</c> alike): its round-trip text as a double.</summary>
    public static string NumberKey(IConvertible number) =>
        Convert.ToDouble(number, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>Active</c> for <c>AuctionStatus.Active.ToString()</c>: an enum member's name, written as a string state's
    /// constant (<c>lot.LotStatus.Name == AuctionStatus.Active.ToString()</c>); null for anything else.
    /// </summary>
    public static string? EnumMemberName(IOperation? operation) =>
        ValueTracer.Strip(operation) is IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: IFieldReferenceOperation { Field: { HasConstantValue: true, ContainingType.TypeKind: TypeKind.Enum } member } }
            ? member.Name
            : null;

    /// <summary>
    /// <c>PurchaseOrderStatus.PendingApproval</c> where the application names its states as integer constants of a class
    /// (<c>public const int PendingApproval = 2;</c> beside <c>Draft = 1</c>): a state written as a number. A literal, or
    /// a constant its class holds alone, is a value.
    /// </summary>
    public static bool IsNamedNumericState(IOperation? operation) =>
        ValueTracer.Strip(operation) is IFieldReferenceOperation { Instance: null, Field: { IsConst: true, Type.SpecialType: SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_Byte or SpecialType.System_Int64 } field }
        && field.ContainingType is { TypeKind: TypeKind.Class } holder
        && !ValueTracer.IsFramework(holder)
        && holder.GetMembers().OfType<IFieldSymbol>().Count(other => other.IsConst && SymbolEqualityComparer.Default.Equals(other.Type, field.Type)) >= 2;

    /// <summary>
    /// <c>Published</c> for <c>CourseStatus.Published</c>, a "smart enum"'s state (see <see cref="IsSmartState"/>); null for
    /// anything else.
    /// </summary>
    public static string? SmartStateName(IOperation? operation) => ValueTracer.Strip(operation) switch
    {
        IFieldReferenceOperation { Instance: null, Field: var field } when IsSmartState(field) => field.Name,
        IPropertyReferenceOperation { Instance: null, Property: var property } when IsSmartState(property) => property.Name,
        _ => null,
    };

    /// <summary>
    /// A "smart enum" class of the application's own (<c>CourseStatus : Enumeration</c>): it holds its states as static
    /// fields or get-only properties of its own type.
    /// </summary>
    public static bool IsSmartEnumType(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class, SpecialType: SpecialType.None } named
        && !ValueTracer.IsFramework(named)
        && named.GetMembers().Any(IsSmartState);

    /// <summary>A smart enum's state: a static field (read-only or not, as written) or get-only property holding its own type.</summary>
    public static bool IsSmartState(ISymbol member) => member switch
    {
        IFieldSymbol { IsStatic: true, IsConst: false } field => SymbolEqualityComparer.Default.Equals(field.Type.OriginalDefinition, field.ContainingType?.OriginalDefinition),
        IPropertySymbol { IsStatic: true, SetMethod: null } property => SymbolEqualityComparer.Default.Equals(property.Type.OriginalDefinition, property.ContainingType?.OriginalDefinition),
        _ => false,
    } && member.ContainingType is { TypeKind: TypeKind.Class } && !ValueTracer.IsFramework(member.ContainingType);

    /// <summary>
    /// The key of a framework value type's static marker that is not a compile-time constant: <c>TimeSpan.Zero</c> is
    /// <c>0</c>, as a number's zero; <c>DateTime.MinValue</c>, <c>TimeSpan.MaxValue</c> and <c>Guid.Empty</c> keep their names. Null for
    /// any other value.
    /// </summary>
    public static string? MarkerKey(IOperation? operation)
    {
        if (ValueTracer.Strip(operation) is not IFieldReferenceOperation { Field: { IsStatic: true, IsConst: false } field }
            || !ValueTracer.IsFramework(field.ContainingType)
            || !SymbolEqualityComparer.Default.Equals(field.Type, field.ContainingType))
        {
            return null;
        }

        return field.Name switch
        {
            "Zero" => "0",
            "MinValue" or "MaxValue" or "Empty" => field.ContainingType.Name + "." + field.Name,
            _ => null,
        };
    }
}
