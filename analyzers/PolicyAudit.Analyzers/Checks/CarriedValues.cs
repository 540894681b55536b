using System;
using System.Collections.Concurrent;
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
/// on the first check that asks; read-only afterwards but for concurrent caches (each state enum's governed holder, each
/// transfer copy's twin) and a lazily built index of type names, so thread-safe.
/// </summary>
internal sealed class CarriedValues
{
    private readonly Dictionary<ISymbol, ISymbol> _origins;
    private readonly Compilation _compilation;
    private readonly GovernanceCatalog _catalog;
    private readonly ConcurrentDictionary<ITypeSymbol, ISymbol?> _statesHeld = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, (ISymbol? Origin, bool Requested)> _twins = new(SymbolEqualityComparer.Default);
    private readonly Lazy<Dictionary<string, List<INamedTypeSymbol>>> _entities;

    private CarriedValues(Dictionary<ISymbol, ISymbol> origins, Compilation compilation, GovernanceCatalog catalog)
    {
        _origins = origins;
        _compilation = compilation;
        _catalog = catalog;
        _entities = new Lazy<Dictionary<string, List<INamedTypeSymbol>>>(IndexEntities, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The governed member whose value <paramref name="symbol"/> carries, or null when it carries none.</summary>
    public ISymbol? OriginOf(ISymbol symbol) =>
        symbol is IFieldSymbol or IPropertySymbol or IParameterSymbol or IMethodSymbol && _origins.TryGetValue(symbol.OriginalDefinition, out var origin) ? origin
        : symbol is IParameterSymbol parameter ? StatePredicateOrigin(parameter)
        : symbol is IPropertySymbol property ? TransferTwinOrigin(property)
        : null;

    /// <summary>
    /// <c>dto.MinAccountAgeDays</c> on an <c>AccountAgeRuleDto</c>: the application's copy of an entity (its name and a
    /// transfer suffix: Dto, Response, Model, ViewModel, Vm, ReadModel) carries the entity's governed member of the same
    /// name, however the copy was filled (a mapper, a query's projection, another service). One entity of that name
    /// among the compilation's and its PolicyAudit-referencing assemblies' types; null otherwise. A request's members
    /// are found the same way, through the entity its name names (see <see cref="IsRequestTwin"/>).
    /// </summary>
    private ISymbol? TransferTwinOrigin(IPropertySymbol property) => Twin(property).Origin;

    /// <summary>
    /// True when <paramref name="member"/> is a request's copy of a governed member, found through the entity named in
    /// the request's name (<c>CreateBookingCommand.CheckInDate</c>, see <see cref="EntityNamesOf"/>): the value the
    /// caller asks for, not the entity's own.
    /// </summary>
    public bool IsRequestTwin(ISymbol member) => TwinOfCopy(member) is { Origin: not null, Requested: true };

    /// <summary>The twin of a member that carries nothing else (see <see cref="Twin"/>); none for any other symbol.</summary>
    private (ISymbol? Origin, bool Requested) TwinOfCopy(ISymbol member) =>
        member is IPropertySymbol property && !_origins.ContainsKey(property.OriginalDefinition) ? Twin(property) : (null, false);

    private (ISymbol? Origin, bool Requested) Twin(IPropertySymbol property)
    {
        if (property.IsStatic || property.ContainingType is not { } copy || EntityNamesOf(copy.Name, out var request) is not { Count: > 0 } entities)
        {
            return (null, false);
        }

        return _twins.GetOrAdd(property.OriginalDefinition, _ =>
        {
            var named = TwinsIn(entities.Take(1), copy, property.Name);
            if (named.Count > 0)
            {
                return (named.Count == 1 ? named[0] : null, request);
            }

            var requested = TwinsIn(entities.Skip(1), copy, property.Name);
            return (requested.Count == 1 ? requested[0] : null, true);
        });
    }

    private List<ISymbol> TwinsIn(IEnumerable<string> entities, INamedTypeSymbol copy, string name) =>
        entities
            .SelectMany(entity => _entities.Value.TryGetValue(entity, out var types) ? types : Enumerable.Empty<INamedTypeSymbol>())
            .Where(type => !SymbolEqualityComparer.Default.Equals(type, copy))
            .SelectMany(type => type.GetMembers(name))
            .Where(member => member is IPropertySymbol or IFieldSymbol && _catalog.IsGoverned(member))
            .Select(member => member.OriginalDefinition).Distinct<ISymbol>(SymbolEqualityComparer.Default).ToList();

    /// <summary>
    /// True when <paramref name="member"/> carries a governed member only as a transfer copy's twin (see
    /// <see cref="TransferTwinOrigin"/>) and <paramref name="containing"/> is that copy's own code
    /// (<c>public bool IsLocked =&gt; Status == TeamStatus.Locked;</c> on a <c>TeamDto</c>): a flag the copy shows, not a decision.
    /// </summary>
    public bool IsTwinReadInItsCopy(ISymbol member, ISymbol? containing) =>
        TwinOfCopy(member).Origin is not null
        && containing?.ContainingType is { } type
        && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, member.ContainingType.OriginalDefinition);

    /// <summary>
    /// The entity names a transfer copy's or a request's type name may stand for: <c>AccountAgeRuleDto</c> gives
    /// <c>AccountAgeRule</c>; a request (<c>CreateBookingCommand</c>, <c>AppointmentCreateModel</c>,
    /// <c>SellPolicyRequestDto</c>) also gives each run of its words (<c>Booking</c>, <c>Appointment</c>, <c>Policy</c>),
    /// because a request names the action with the entity it acts on. The whole stem comes first. <paramref name="request"/>
    /// tells a request's name (<c>..Command</c>, <c>..Request</c>, <c>..Input</c>, <c>..Model</c>) from a copy's
    /// (<c>..Dto</c>, <c>..Response</c>, <c>..ViewModel</c>, <c>..ReadModel</c>, <c>..Vm</c>).
    /// </summary>
    private static List<string> EntityNamesOf(string copyName, out bool request)
    {
        var names = new List<string>();
        var stem = copyName;
        request = false;
        for (var stripped = true; stripped;)
        {
            stripped = false;
            foreach (var suffix in CopySuffixes)
            {
                if (stem.Length > suffix.Length + 2 && stem.EndsWith(suffix, StringComparison.Ordinal))
                {
                    stem = stem.Substring(0, stem.Length - suffix.Length);
                    request |= Array.IndexOf(RequestSuffixes, suffix) >= 0;
                    stripped = true;
                    break;
                }
            }
        }

        if (stem.Length == copyName.Length)
        {
            return names;
        }

        names.Add(stem);
        var words = OperandName.Humps(stem);
        if (request && words.Count > 1)
        {
            for (var first = 0; first < words.Count; first++)
            {
                for (var last = first; last < words.Count; last++)
                {
                    if (last - first + 1 < words.Count)
                    {
                        names.Add(string.Concat(words.Skip(first).Take(last - first + 1)));
                    }
                }
            }
        }

        return names;
    }

    private static readonly string[] CopySuffixes = { "ViewModel", "ReadModel", "Response", "Model", "Dto", "DTO", "Vm", "Command", "Request", "Input" };

    private static readonly string[] RequestSuffixes = { "Command", "Request", "Input", "Model" };

    /// <summary>The compilation's and its PolicyAudit-referencing assemblies' named types, by name; built on first use.</summary>
    private Dictionary<string, List<INamedTypeSymbol>> IndexEntities()
    {
        var byName = new Dictionary<string, List<INamedTypeSymbol>>(StringComparer.Ordinal);
        void Walk(INamespaceOrTypeSymbol container)
        {
            foreach (var member in container.GetMembers())
            {
                if (member is INamedTypeSymbol type)
                {
                    if (!byName.TryGetValue(type.Name, out var list))
                    {
                        byName[type.Name] = list = new List<INamedTypeSymbol>();
                    }

                    list.Add(type);
                }
                else if (member is INamespaceSymbol nested)
                {
                    Walk(nested);
                }
            }
        }

        Walk(_compilation.Assembly.GlobalNamespace);
        foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (PolicyAuditTypes.ReferencesPolicyAudit(assembly))
            {
                Walk(assembly.GlobalNamespace);
            }
        }

        return byName;
    }

    /// <summary>
    /// <c>public static bool IsFinalized(ProjectStatus status) =&gt; status is Completed or Cancelled;</c>: a static
    /// predicate of the project's own code over a state enum decides for the one governed member that holds that
    /// state (<c>Project.Status</c>), whoever calls it, and it may be called with a local or not at all in what is
    /// analysed. With two governed holders of the state, or none, the parameter carries nothing.
    /// </summary>
    private ISymbol? StatePredicateOrigin(IParameterSymbol parameter)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol { IsStatic: true, ReturnType.SpecialType: SpecialType.System_Boolean } method
            || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly)
            || ValueTracer.WithoutNullable(parameter.Type) is not { TypeKind: TypeKind.Enum } state
            || !ValueTracer.IsEnumStateType(state)
            || state.ContainingAssembly is not { } declaring
            || !(SymbolEqualityComparer.Default.Equals(declaring, _compilation.Assembly) || PolicyAuditTypes.ReferencesPolicyAudit(declaring)))
        {
            // The framework's enums (`DayOfWeek`) are nobody's state: their assemblies are not walked for holders.
            return null;
        }

        return _statesHeld.GetOrAdd(state, HolderOf);
    }

    private ISymbol? HolderOf(ITypeSymbol state)
    {
        ISymbol? found = null;
        foreach (var assembly in new[] { _compilation.Assembly, state.ContainingAssembly }.Distinct(SymbolEqualityComparer.Default).OfType<IAssemblySymbol>())
        {
            foreach (var member in MembersHolding(assembly.GlobalNamespace, state))
            {
                if (!_catalog.IsGoverned(member))
                {
                    continue;
                }

                if (found is not null && !SymbolEqualityComparer.Default.Equals(found, member))
                {
                    return null;
                }

                found = member;
            }
        }

        return found;
    }

    private static IEnumerable<ISymbol> MembersHolding(INamespaceOrTypeSymbol container, ITypeSymbol state)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceOrTypeSymbol nested)
            {
                foreach (var held in MembersHolding(nested, state))
                {
                    yield return held;
                }
            }
            else if (member is IPropertySymbol or IFieldSymbol && !member.IsStatic && SymbolEqualityComparer.Default.Equals(ValueTracer.HeldType(member), state))
            {
                yield return member.OriginalDefinition;
            }
        }
    }

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
        var exposing = new List<(PropertyDeclarationSyntax Property, string Field)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is PropertyDeclarationSyntax property && ExposedFieldName(property) is { } exposedField)
                {
                    exposing.Add((property, exposedField));
                }

                if (node.IsKind(SyntaxKind.SimpleAssignmentExpression) || node is ArgumentSyntax or ReturnStatementSyntax { Expression: not null }
                    || node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax }
                    || node is ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax or PropertyDeclarationSyntax or AccessorDeclarationSyntax })
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
        var forwarded = new List<ArgumentSyntax>();
        var bodiesMentioning = new Dictionary<SyntaxNode, bool>();
        foreach (var node in candidates)
        {
            // A helper's answer may be computed in locals first (`var utc = ..member..; return new DateTimeOffset(utc);`):
            // its returns are bound when its body names a governed member anywhere.
            var mentions = node is ReturnStatementSyntax && node.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>() is { } method
                ? MentionsInBody(method, names, bodiesMentioning)
                : Mentions(ValueSyntax(node), names);
            if (!mentions)
            {
                if (node is AssignmentExpressionSyntax assigned && StoredName(assigned) is not null)
                {
                    fromParameters.Add(node);
                }
                else if (node is ArgumentSyntax { Expression: IdentifierNameSyntax })
                {
                    forwarded.Add((ArgumentSyntax)node);
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
                // `Status.AllowsMemberAddition()`: an extension method's receiver is its first argument.
                case IInvocationOperation { Arguments.Length: > 0 } call
                    when call.TargetMethod.IsExtensionMethod && call.Arguments[0].Parameter is { } receiver
                    && IsOwnSource(receiver, compilation) && Origin(call.Arguments[0].Value, isGoverned) is { } extended:
                    origins[receiver.OriginalDefinition] = extended;
                    break;
                case { } returned when ReturnedValue(returned, node) is { } value
                    && Returner(node, compilation, models) is { } returner && !isGoverned(returner) && !origins.ContainsKey(returner)
                    && ReturnedOrigin(value, returner, isGoverned) is { } answered:
                    origins[returner] = answered;
                    break;
            }
        }

        // `IsDateAllowed(date, allowedDays)` inside `GetNextValidTime(date, allowedDays)`: a parameter passed on unchanged
        // to a helper of the same project carries the same member there, a few calls deep.
        HashSet<string> CarryingParameterNames() => new(origins.Keys.OfType<IParameterSymbol>().Select(p => p.Name), StringComparer.Ordinal);
        for (var hop = 0; hop < ValueTracer.MaxLocalDepth; hop++)
        {
            var carrying = CarryingParameterNames();
            var added = false;
            foreach (var argument in forwarded)
            {
                if (carrying.Contains(((IdentifierNameSyntax)argument.Expression).Identifier.ValueText)
                    && Bind(argument, compilation, models, isInsidePolicy, cancellationToken) is IArgumentOperation { Parameter: { } parameter } bound
                    && IsOwnSource(parameter, compilation)
                    && !origins.ContainsKey(parameter.OriginalDefinition)
                    && ValueTracer.Strip(bound.Value) is IParameterReferenceOperation passed
                    && origins.TryGetValue(passed.Parameter.OriginalDefinition, out var origin))
                {
                    origins[parameter.OriginalDefinition] = origin;
                    added = true;
                }
            }

            if (!added)
            {
                break;
            }
        }

        // `_limit = limit;` in a constructor: the field carries what the parameter carries. But a parameter stored into
        // a governed member (`RequiredEvents = Discrepancy = threshold;`, in a constructor that a clone calls with
        // `other.RequiredEvents` or `other.NumEvents`) is that member's input, not a copy of what a caller passed:
        // neither it nor what else it is stored in carries a governed value.
        var carryingParameters = CarryingParameterNames();
        var stores = new List<(ISymbol Target, ISymbol Parameter)>();
        foreach (var node in fromParameters)
        {
            if (carryingParameters.Contains(StoredName((AssignmentExpressionSyntax)node)!)
                && Bind(node, compilation, models, isInsidePolicy, cancellationToken) is ISimpleAssignmentOperation assignment
                && StoredValue(assignment) is IParameterReferenceOperation parameter
                && Target(assignment.Target, compilation) is { } target
                && origins.ContainsKey(parameter.Parameter.OriginalDefinition))
            {
                stores.Add((target, parameter.Parameter.OriginalDefinition));
            }
        }

        var inputs = new HashSet<ISymbol>(
            stores.Where(store => SymbolEqualityComparer.Default.Equals(store.Target, origins[store.Parameter]) || isGoverned(store.Target)).Select(store => store.Parameter),
            SymbolEqualityComparer.Default);
        foreach (var (target, parameter) in stores)
        {
            if (!inputs.Contains(parameter))
            {
                origins[target] = origins[parameter];
            }
        }

        foreach (var input in inputs)
        {
            origins.Remove(input);
        }

        // `private readonly List<TeamPlayer> _players; public IReadOnlyCollection<TeamPlayer> Players => _players.AsReadOnly();`:
        // the entity's own methods test the private field the governed property hands out (`if (_players.Count == 11)`).
        foreach (var (property, fieldName) in exposing)
        {
            if (!names.Contains(property.Identifier.ValueText))
            {
                continue;
            }

            if (ModelOf(property.SyntaxTree, compilation, models).GetDeclaredSymbol(property, cancellationToken) is { } exposed && isGoverned(exposed)
                && exposed.ContainingType.GetMembers(fieldName).OfType<IFieldSymbol>().FirstOrDefault() is { DeclaredAccessibility: Accessibility.Private, IsStatic: false } field
                && !isGoverned(field) && !origins.ContainsKey(field))
            {
                origins[field.OriginalDefinition] = exposed.OriginalDefinition;
            }
        }

        // `new ClinicWorkingHourDto(x.DayOfWeek, x.IsClosed, ..)` of a positional record: the property the compiler
        // declares for the parameter (`row.IsClosed`) holds what the parameter was passed.
        foreach (var parameter in origins.Keys.OfType<IParameterSymbol>().ToList())
        {
            if (PositionalProperty(parameter) is { } property && !origins.ContainsKey(property) && !isGoverned(property))
            {
                origins[property] = origins[parameter];
            }
        }

        return new CarriedValues(origins, compilation, catalog);
    }

    /// <summary>
    /// The field a property hands out as it is or as a read-only copy (<c>=&gt; _players</c>, <c>=&gt; _players.AsReadOnly()</c>,
    /// <c>get { return _items.ToList(); }</c>); null for any other property.
    /// </summary>
    private static string? ExposedFieldName(PropertyDeclarationSyntax property)
    {
        var body = property.ExpressionBody?.Expression
            ?? property.AccessorList?.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration)) switch
            {
                { ExpressionBody.Expression: { } arrow } => arrow,
                { Body.Statements.Count: 1 } getter when getter.Body!.Statements[0] is ReturnStatementSyntax { Expression: { } returned } => returned,
                _ => null,
            };
        if (body is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsReadOnly" or "ToList" or "ToArray" or "AsEnumerable" or "ToImmutableList" or "ToImmutableArray" or "ToHashSet" } copy })
        {
            body = copy.Expression;
        }

        return body switch
        {
            IdentifierNameSyntax field => field.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax field } => field.Identifier.ValueText,
            _ => null,
        };
    }

    /// <summary>The property a positional record declares for its primary constructor's <paramref name="parameter"/>; null otherwise.</summary>
    private static IPropertySymbol? PositionalProperty(IParameterSymbol parameter) =>
        parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType: { IsRecord: true } record }
        && parameter.DeclaringSyntaxReferences.Length == 1
            ? record.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault(property =>
                property.DeclaringSyntaxReferences.Length == 1
                && property.DeclaringSyntaxReferences[0].SyntaxTree == parameter.DeclaringSyntaxReferences[0].SyntaxTree
                && property.DeclaringSyntaxReferences[0].Span == parameter.DeclaringSyntaxReferences[0].Span)?.OriginalDefinition
            : null;

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
        var model = ModelOf(node.SyntaxTree, compilation, models);
        return isInsidePolicy(model.GetEnclosingSymbol(node.SpanStart, cancellationToken)) ? null : model.GetOperation(node, cancellationToken);
    }

    /// <summary>The semantic model of <paramref name="tree"/>, made once per tree while the carriers are found.</summary>
    private static SemanticModel ModelOf(SyntaxTree tree, Compilation compilation, Dictionary<SyntaxTree, SemanticModel> models)
    {
        if (!models.TryGetValue(tree, out var model))
        {
            // The carriers of a value are found across the whole compilation, once, and only for the few assignments
            // and arguments that name a governed member; an operation action sees one body at a time.
#pragma warning disable RS1030
            model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            models.Add(tree, model);
        }

        return model;
    }

    /// <summary>The name an assignment (or a chain of them, <c>a = b = limit</c>) stores, when it stores a bare name.</summary>
    private static string? StoredName(AssignmentExpressionSyntax assignment)
    {
        var right = assignment.Right;
        while (right is AssignmentExpressionSyntax inner)
        {
            right = inner.Right;
        }

        return (right as IdentifierNameSyntax)?.Identifier.ValueText;
    }

    /// <summary>The value an assignment chain stores: <c>limit</c> in <c>a = b = limit</c>.</summary>
    private static IOperation? StoredValue(ISimpleAssignmentOperation assignment)
    {
        var value = ValueTracer.Strip(assignment.Value);
        while (value is ISimpleAssignmentOperation inner)
        {
            value = ValueTracer.Strip(inner.Value);
        }

        return value;
    }

    private static ExpressionSyntax? ValueSyntax(SyntaxNode node) => node switch
    {
        AssignmentExpressionSyntax assignment => assignment.Right,
        ArgumentSyntax argument => argument.Expression,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Expression,
        ReturnStatementSyntax returned => returned.Expression,
        ArrowExpressionClauseSyntax arrow => arrow.Expression,
        _ => null,
    };

    /// <summary>The value a <c>return</c> statement or an expression body gives back.</summary>
    private static IOperation? ReturnedValue(IOperation bound, SyntaxNode node) => node switch
    {
        ReturnStatementSyntax => (bound as IReturnOperation)?.ReturnedValue,
        ArrowExpressionClauseSyntax => bound switch
        {
            IBlockOperation { Operations.Length: 1 } block when block.Operations[0] is IReturnOperation { ReturnedValue: { } value } => value,
            IReturnOperation { ReturnedValue: { } value } => value,
            _ => null,
        },
        _ => null,
    };

    /// <summary>
    /// The source method or computed property whose answer a <c>return</c> or an expression body gives: not a lambda's
    /// or a local function's, which no other code calls by name.
    /// </summary>
    private static ISymbol? Returner(SyntaxNode node, Compilation compilation, Dictionary<SyntaxTree, SemanticModel> models)
    {
        if (!models.TryGetValue(node.SyntaxTree, out var model)
            || model.GetEnclosingSymbol(node.SpanStart) is not IMethodSymbol method
            || node.FirstAncestorOrSelf<SyntaxNode>(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax) is not null)
        {
            return null;
        }

        ISymbol? returner = method.MethodKind switch
        {
            MethodKind.Ordinary => method,
            MethodKind.PropertyGet => method.AssociatedSymbol,
            _ => null,
        };
        return returner is not null && IsOwnSource(returner, compilation) ? returner.OriginalDefinition : null;
    }

    /// <summary>
    /// A helper that answers with a governed member's value, or an amount computed from it
    /// (<c>GetMaxEventsPerMonthWithBonus()</c> returning <c>MaxEventsPerMonth + bonus</c>, a gift card's remaining
    /// amount), carries that member to its callers' comparisons. A helper answering yes or no carries nothing: its own
    /// test is the check, and its callers only ask it.
    /// </summary>
    private static ISymbol? ReturnedOrigin(IOperation value, ISymbol returner, Func<ISymbol, bool> isGoverned)
    {
        var type = returner switch
        {
            IMethodSymbol method => method.ReturnType,
            IPropertySymbol property => property.Type,
            _ => null,
        };
        type = ValueTracer.TaskResultType(type) ?? type;
        if (type is null || ValueTracer.IsFlagType(type))
        {
            return null;
        }

        return ValueTracer.Find(value, isGoverned) is { Kind: ReadKind.Value or ReadKind.Derived } read ? read.Member.OriginalDefinition : null;
    }

    private static bool MentionsInBody(BaseMethodDeclarationSyntax method, HashSet<string> names, Dictionary<SyntaxNode, bool> known)
    {
        if (!known.TryGetValue(method, out var mentions))
        {
            mentions = method.Body is { } body && body.DescendantNodes().OfType<IdentifierNameSyntax>().Any(identifier => names.Contains(identifier.Identifier.ValueText));
            known.Add(method, mentions);
        }

        return mentions;
    }

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
