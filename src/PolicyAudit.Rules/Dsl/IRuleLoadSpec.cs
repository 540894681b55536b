using System.Reflection;

namespace PolicyAudit.Rules;

/// <summary>Says which rules <see cref="RuleRepository.Load(Action{IRuleLoadSpec})"/> loads: sources, filters and how
/// rule classes are instantiated.</summary>
public interface IRuleLoadSpec
{
    /// <summary>Adds every non-abstract rule class in the assemblies.</summary>
    /// <param name="assemblies">The assemblies to scan.</param>
    /// <returns>This spec.</returns>
    IRuleLoadSpec From(params Assembly[] assemblies);

    /// <summary>Adds rule classes.</summary>
    /// <param name="ruleTypes">Types deriving from <see cref="Rule"/>.</param>
    /// <returns>This spec.</returns>
    IRuleLoadSpec From(IEnumerable<Type> ruleTypes);

    /// <summary>Adds rule classes.</summary>
    /// <param name="ruleTypes">Types deriving from <see cref="Rule"/>.</param>
    /// <returns>This spec.</returns>
    IRuleLoadSpec From(params Type[] ruleTypes);

    /// <summary>Adds ready-made rule instances (for example built by dependency injection).</summary>
    /// <param name="rules">The rules.</param>
    /// <returns>This spec.</returns>
    IRuleLoadSpec From(params Rule[] rules);

    /// <summary>Keeps only the rules the filter accepts; several filters must all accept.</summary>
    /// <param name="filter">The filter over a rule's metadata.</param>
    /// <returns>This spec.</returns>
    IRuleLoadSpec Where(Func<IRuleMetadata, bool> filter);

    /// <summary>Creates rule instances from their classes with this function instead of the parameterless constructor.</summary>
    /// <param name="activator">Creates a rule of the given class.</param>
    /// <returns>This spec.</returns>
    IRuleLoadSpec Using(Func<Type, Rule> activator);
}
