using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyAudit.Analyzers.Checks;

/// <summary>
/// The fields, properties and parameters of one compilation that carry a governed member's value somewhere else,
/// where the check is then made: a view model filled from the entity
/// (<c>new CartItemVm { ProductStockQuantity = x.Product.StockQuantity }</c>, then <c>item.ProductStockQuantity &lt; item.Quantity</c>),
/// a business-rule object built from it (<c>new GuestsAboveLimitRule(_limits.GuestsLimit, guests)</c>, which keeps it in a
/// field and compares that), or a helper's parameter (<c>Price(product.SpecialPriceStart)</c>). Built once per compilation,
/// on the first check that asks; read-only afterwards, so thread-safe.
/// </summary>
internal sealed class CarriedValues
{
    private readonly Dictionary<ISymbol, ISymbol> _origins;

    private CarriedValues(Dictionary<ISymbol, ISymbol> origins) => _origins = origins;

    /// <summary>The governed member whose value <paramref name="symbol"/> carries, or null when it carries none.</summary>
    public ISymbol? OriginOf(ISymbol symbol) =>
        symbol is IFieldSymbol or IPropertySymbol or IParameterSymbol && _origins.TryGetValue(symbol.OriginalDefinition, out var origin) ? origin : null;

    /// <summary>
    /// Reads every assignment and argument of the compilation's own code (not of policies): a source field or property
    /// assigned a governed member's value, a source method's parameter passed one at some call, and a field assigned
    /// such a parameter (the constructor of a rule object) each carry that member.
    /// </summary>
    public static CarriedValues Build(Compilation compilation, Func<ISymbol, bool> isGoverned, Func<ISymbol?, bool> isInsidePolicy, CancellationToken cancellationToken)
    {
        var origins = new Dictionary<ISymbol, ISymbol>(SymbolEqualityComparer.Default);
        var fromParameters = new List<(ISymbol Target, IParameterSymbol Parameter)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var root = tree.GetRoot(cancellationToken);
            SemanticModel? model = null;
            foreach (var node in root.DescendantNodes())
            {
                if (!node.IsKind(SyntaxKind.SimpleAssignmentExpression) && node is not ArgumentSyntax)
                {
                    continue;
                }

                // Binding happens only here, for the assignments and arguments of the trees that have any. The analyzer
                // driver hands out its cached semantic models, so this shares the binding the other actions use.
#pragma warning disable RS1030 // the carriers of a value are found across the whole compilation, once
                model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                if (isInsidePolicy(model.GetEnclosingSymbol(node.SpanStart, cancellationToken)))
                {
                    continue;
                }

                switch (model.GetOperation(node, cancellationToken))
                {
                    case ISimpleAssignmentOperation assignment when Target(assignment.Target, compilation) is { } target && !isGoverned(target):
                        if (Origin(assignment.Value, isGoverned) is { } origin)
                        {
                            origins[target] = origin;
                        }
                        else if (ValueTracer.Strip(assignment.Value) is IParameterReferenceOperation parameter)
                        {
                            fromParameters.Add((target, parameter.Parameter));
                        }

                        break;
                    case IArgumentOperation { Parameter: { } parameter } argument
                        when IsOwnSource(parameter, compilation) && Origin(argument.Value, isGoverned) is { } passed:
                        origins[parameter.OriginalDefinition] = passed;
                        break;
                }
            }
        }

        foreach (var (target, parameter) in fromParameters)
        {
            if (origins.TryGetValue(parameter.OriginalDefinition, out var origin))
            {
                origins[target] = origin;
            }
        }

        return new CarriedValues(origins);
    }

    /// <summary>
    /// The governed member a value is, seen through conversions and <c>Nullable.Value</c>, or the first governed flag of
    /// a boolean built from flags (<c>p.IsAllowToOrder &amp;&amp; p.IsPublished</c>). Arithmetic and calls are not carried:
    /// a total computed from a price is a new amount, not the price.
    /// </summary>
    private static ISymbol? Origin(IOperation value, Func<ISymbol, bool> isGoverned)
    {
        switch (ValueTracer.Strip(value))
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical:
                return Origin(logical.LeftOperand, isGoverned) ?? Origin(logical.RightOperand, isGoverned);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Origin(not.Operand, isGoverned);
            case { } stripped:
                return ValueTracer.Find(stripped, isGoverned) is { Kind: ReadKind.Value } read ? read.Member.OriginalDefinition : null;
            default:
                return null;
        }
    }

    /// <summary>A field or property declared in this compilation's source, which is where a carried value is read again.</summary>
    private static ISymbol? Target(IOperation target, Compilation compilation)
    {
        ISymbol? symbol = ValueTracer.Strip(target) switch
        {
            IPropertyReferenceOperation property => property.Property,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };

        return symbol is not null && IsOwnSource(symbol, compilation) ? symbol.OriginalDefinition : null;
    }

    private static bool IsOwnSource(ISymbol symbol, Compilation compilation) =>
        SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, compilation.Assembly) && !symbol.DeclaringSyntaxReferences.IsEmpty;
}
