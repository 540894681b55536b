using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PolicyAudit.Analyzers.Governance;

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
    /// Reads the assignments and arguments of the compilation's own code (not of policies) that mention a governed
    /// member's name: a source field or property assigned a governed member's value, and a source method's parameter
    /// passed one at some call, carry that member; so does a field assigned such a parameter (a rule object's
    /// constructor). Only those assignments and arguments are bound, so code that never names a governed member costs
    /// one syntax walk.
    /// </summary>
    public static CarriedValues Build(Compilation compilation, GovernanceCatalog catalog, Func<ISymbol?, bool> isInsidePolicy, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(catalog.ListedNames, StringComparer.Ordinal);
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (PolicyAuditTypes.ReferencesPolicyAudit(assembly))
            {
                AddMarkedNames(assembly.GlobalNamespace, names, cancellationToken);
            }
        }

        var candidates = new List<SyntaxNode>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node.IsKind(SyntaxKind.SimpleAssignmentExpression) || node is ArgumentSyntax)
                {
                    candidates.Add(node);
                }
                else if (node is AttributeSyntax attribute && IsGovernedByName(attribute.Name) && MarkedMemberName(attribute) is { } marked)
                {
                    names.Add(marked);
                }
            }
        }

        var origins = new Dictionary<ISymbol, ISymbol>(SymbolEqualityComparer.Default);
        var models = new Dictionary<SyntaxTree, SemanticModel>();
        Func<ISymbol, bool> isGoverned = catalog.IsGoverned;
        var fromParameters = new List<SyntaxNode>();
        foreach (var node in candidates)
        {
            if (!Mentions(ValueSyntax(node), names))
            {
                if (node is AssignmentExpressionSyntax { Right: IdentifierNameSyntax })
                {
                    fromParameters.Add(node);
                }

                continue;
            }

            switch (Bind(node, compilation, models, isInsidePolicy, cancellationToken))
            {
                case ISimpleAssignmentOperation assignment when Target(assignment.Target, compilation) is { } target && !isGoverned(target)
                    && Origin(assignment.Value, isGoverned) is { } origin:
                    origins[target] = origin;
                    break;
                case IArgumentOperation { Parameter: { } parameter } argument
                    when IsOwnSource(parameter, compilation) && Origin(argument.Value, isGoverned) is { } passed:
                    origins[parameter.OriginalDefinition] = passed;
                    break;
            }
        }

        // `_limit = limit;` in a constructor: the field carries what the parameter carries.
        var carryingParameters = new HashSet<string>(origins.Keys.OfType<IParameterSymbol>().Select(p => p.Name), StringComparer.Ordinal);
        foreach (var node in fromParameters)
        {
            if (carryingParameters.Contains(((IdentifierNameSyntax)((AssignmentExpressionSyntax)node).Right).Identifier.ValueText)
                && Bind(node, compilation, models, isInsidePolicy, cancellationToken) is ISimpleAssignmentOperation assignment
                && ValueTracer.Strip(assignment.Value) is IParameterReferenceOperation parameter
                && Target(assignment.Target, compilation) is { } target
                && origins.TryGetValue(parameter.Parameter.OriginalDefinition, out var origin))
            {
                origins[target] = origin;
            }
        }

        return new CarriedValues(origins);
    }

    /// <summary>The names of a referenced project's members marked <c>[GovernedBy]</c> (a Domain project below this one).</summary>
    private static void AddMarkedNames(INamespaceOrTypeSymbol container, HashSet<string> names, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var member in container.GetMembers())
        {
            switch (member)
            {
                case INamespaceOrTypeSymbol nested:
                    AddMarkedNames(nested, names, cancellationToken);
                    break;
                case IPropertySymbol or IFieldSymbol or IMethodSymbol when member.GetAttributes().Any(a => a.AttributeClass?.Name == "GovernedByAttribute"):
                    names.Add(member.Name);
                    break;
            }
        }
    }

    private static IOperation? Bind(SyntaxNode node, Compilation compilation, Dictionary<SyntaxTree, SemanticModel> models, Func<ISymbol?, bool> isInsidePolicy, CancellationToken cancellationToken)
    {
        if (!models.TryGetValue(node.SyntaxTree, out var model))
        {
            // The carriers of a value are found across the whole compilation, once, and only for the few assignments
            // and arguments that name a governed member; an operation action sees one body at a time.
#pragma warning disable RS1030
            model = compilation.GetSemanticModel(node.SyntaxTree);
#pragma warning restore RS1030
            models.Add(node.SyntaxTree, model);
        }

        return isInsidePolicy(model.GetEnclosingSymbol(node.SpanStart, cancellationToken)) ? null : model.GetOperation(node, cancellationToken);
    }

    private static ExpressionSyntax? ValueSyntax(SyntaxNode node) => node switch
    {
        AssignmentExpressionSyntax assignment => assignment.Right,
        ArgumentSyntax argument => argument.Expression,
        _ => null,
    };

    private static bool Mentions(ExpressionSyntax? value, HashSet<string> names)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var node in value.DescendantNodesAndSelf())
        {
            if (node is IdentifierNameSyntax identifier && names.Contains(identifier.Identifier.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsGovernedByName(NameSyntax name)
    {
        var text = name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };

        return text is "GovernedBy" or "GovernedByAttribute";
    }

    /// <summary>The name of the property, field or method an attribute is written on.</summary>
    private static string? MarkedMemberName(AttributeSyntax attribute) => attribute.Parent?.Parent switch
    {
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        FieldDeclarationSyntax field when field.Declaration.Variables.Count > 0 => field.Declaration.Variables[0].Identifier.ValueText,
        _ => null,
    };

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
