namespace PolicyAudit.Rules;

/// <summary>The base class of a rule: override <see cref="Define"/> and describe the rule with <see cref="When"/>
/// (the facts it matches) and <see cref="Then"/> (what it does). A derived base class may wrap <see cref="Then"/>
/// with <c>protected new IRightHandSideExpression Then()</c> that calls <c>base.Then()</c> and adds its own actions.</summary>
/// <example><code>
/// [Name("Big order discount"), Priority(10)]
/// public sealed class BigOrderDiscount : Rule
/// {
///     public override void Define()
///     {
///         Customer customer = null!;
///         Order order = null!;
///         When()
///             .Match(() => customer, c => c.IsVip)
///             .Match(() => order, o => o.CustomerId == customer.Id, o => o.Amount > 100m);
///         Then()
///             .Yield(ctx => new Discount(order.Id, 0.1m));
///     }
/// }
/// </code></example>
/// <remarks><see cref="Define"/> runs once, when a <see cref="RuleRepository"/> reads the rule; the variables it declares are
/// aliases that the engine binds to matched facts, never assigned by the rule itself. A rule instance must not be
/// loaded by two repositories at the same time.</remarks>
public abstract class Rule
{
    private RuleBuilder? _builder;

    /// <summary>The name of this rule instance, for rule classes instantiated several times with different settings;
    /// when not null it takes precedence over <see cref="NameAttribute"/>. Null by default.</summary>
    protected virtual string? InstanceName => null;

    internal string? NameOfInstance => InstanceName;

    /// <summary>Describes the rule by calling <see cref="When"/> and <see cref="Then"/>.</summary>
    public abstract void Define();

    /// <summary>Starts or continues the rule's conditions (its left-hand side).</summary>
    /// <returns>The builder of the rule's conditions.</returns>
    /// <exception cref="InvalidOperationException">Called outside <see cref="Define"/>.</exception>
    protected ILeftHandSideExpression When() => Builder.LeftHandSide;

    /// <summary>Starts or continues the rule's actions (its right-hand side).</summary>
    /// <returns>The builder of the rule's actions.</returns>
    /// <exception cref="InvalidOperationException">Called outside <see cref="Define"/>.</exception>
    protected IRightHandSideExpression Then() => Builder.RightHandSide;

    private RuleBuilder Builder => _builder
        ?? throw new InvalidOperationException($"When() and Then() of rule {GetType().FullName} can only be called from Define(), while a RuleRepository loads the rule.");

    internal RuleDefinition Build(RuleMetadata metadata)
    {
        var builder = new RuleBuilder(metadata);
        _builder = builder;
        try
        {
            Define();
        }
        catch (RuleEngineException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new RuleCompilationException(metadata.Name, $"Define() threw {ex.GetType().Name}: {ex.Message}", ex);
        }
        finally
        {
            _builder = null;
        }

        return builder.ToModel();
    }
}
