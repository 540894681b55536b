using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyAudit.Analyzers.Checks;

/// <summary>How the value a check tests relates to the member it was computed from.</summary>
internal enum ReadKind
{
    /// <summary>The member's own value, seen through conversions, null-conditional access or <c>Nullable.Value</c>.</summary>
    Value,

    /// <summary>A value computed from the member: arithmetic, a call, a local initialised from it.</summary>
    Derived,

    /// <summary>The size of a collection member: <c>Count</c>, <c>Length</c>, <c>Count()</c>.</summary>
    Size,

    /// <summary><c>Any()</c> over a collection member: the same question as <c>Count != 0</c>.</summary>
    NotEmpty,

    /// <summary><c>Any(predicate)</c> over a collection member: a decision about its items.</summary>
    AnyMatching,
}

/// <summary>A member whose value feeds a checked expression, and the object it is read on.</summary>
internal readonly struct MemberRead
{
    public MemberRead(ISymbol member, IOperation? instance, ReadKind kind, string? key = null)
    {
        Member = member;
        Instance = instance;
        Kind = kind;
        Key = key;
    }

    public ISymbol Member { get; }

    /// <summary>The object the member is read on (<c>order</c> in <c>order.DaysSincePurchase</c>), null for a static member.</summary>
    public IOperation? Instance { get; }

    public ReadKind Kind { get; }

    /// <summary>A called method's constant arguments (<c>HasPermission(PermissionKind.IsDisabled)</c>), see <see cref="Governance.ConditionTest.Key"/>.</summary>
    public string? Key { get; }

    public MemberRead As(ReadKind kind) => new(Member, Instance, Kind == ReadKind.Value ? kind : Kind, Key);

    /// <summary>The type of the member itself (a flag, an enum, a number), whatever the check computes from it.</summary>
    public ITypeSymbol? MemberType => Member switch
    {
        IPropertySymbol property => property.Type,
        IFieldSymbol fieldSymbol => fieldSymbol.Type,
        IMethodSymbol method => method.ReturnType,
        IParameterSymbol parameter => parameter.Type,
        _ => null,
    };
}
