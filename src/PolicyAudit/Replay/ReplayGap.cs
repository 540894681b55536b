namespace PolicyAudit;

/// <summary>Why a recorded decision could not be replayed (for a policy, or at all).</summary>
public enum ReplayGap
{
    /// <summary>The decision's record keeps no facts (written before facts were kept, with facts off, or imported without them).</summary>
    NoFacts,

    /// <summary>Some of the decision's facts were stored cut (over the size limit, or not serializable).</summary>
    FactsCut,

    /// <summary>A stored fact's type is not in the candidate, by full name nor by a unique simple name.</summary>
    TypeNotFound,

    /// <summary>A stored fact does not read as the candidate's type (a property changed its type, no usable constructor).</summary>
    FactUnreadable,

    /// <summary>The candidate policy's conditions read a property that was masked when the decision was stored.</summary>
    MaskedProperty,

    /// <summary>The candidate policy's condition (or its reason) threw on the decision's facts.</summary>
    ConditionThrew,
}
