using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyAudit.Analyzers;

/// <summary>A read of a member, seen through conversions and null-conditional access, with the object it is read on.</summary>
internal readonly struct GovernedOperand
{
    private GovernedOperand(ISymbol member, IOperation? instance)
    {
        Member = member;
        Instance = instance;
    }

    public ISymbol Member { get; }

    /// <summary>The object the member is read on (<c>order</c> in <c>order.DaysSincePurchase</c>), null for a static member.</summary>
    public IOperation? Instance { get; }

    public static GovernedOperand? From(IOperation? operation)
    {
        var current = Unwrap(operation);
        switch (current)
        {
            case IPropertyReferenceOperation property:
                return new GovernedOperand(property.Property, ResolveInstance(property, property.Instance));
            case IFieldReferenceOperation field:
                return new GovernedOperand(field.Field, ResolveInstance(field, field.Instance));
            case IInvocationOperation invocation when !invocation.TargetMethod.IsExtensionMethod:
                return new GovernedOperand(invocation.TargetMethod, ResolveInstance(invocation, invocation.Instance));
            default:
                return null;
        }
    }

    /// <summary>Strips conversions and null-conditional access to reach the member read itself.</summary>
    public static IOperation? Unwrap(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case IConditionalAccessOperation conditional:
                    operation = conditional.WhenNotNull;
                    continue;
                default:
                    return operation;
            }
        }
    }

    private static IOperation? ResolveInstance(IOperation reference, IOperation? instance)
    {
        if (instance is not IConditionalAccessInstanceOperation)
        {
            return instance;
        }

        for (var parent = reference.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IConditionalAccessOperation conditional)
            {
                return conditional.Operation;
            }
        }

        return instance;
    }
}
