namespace PolicyAudit.Analyzers.Evaluation;

/// <summary>The projects of a case, in build order: each references the ones before it.</summary>
internal enum Part
{
    /// <summary>Hand-written declarations of packages the harness does not reference.</summary>
    Stubs,

    /// <summary>The code base's entities and their own methods; it references PolicyAudit so it can be marked.</summary>
    Domain,

    /// <summary>The adopter's policies over Domain's types, with PolicyAudit's generator.</summary>
    Policies,

    /// <summary>The code base's services and controllers, over Domain and Policies.</summary>
    App,
}
