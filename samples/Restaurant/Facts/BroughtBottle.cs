namespace Restaurant.Facts;

/// <summary>A guest brings their own bottle of wine and asks us to open it.</summary>
/// <param name="Wine">The wine.</param>
/// <param name="OnOurList">True when the same wine is on our wine list.</param>
/// <param name="CorkageWaiverRequested">True when the guest asks us to waive the corkage fee.</param>
public sealed record BroughtBottle(string Wine, bool OnOurList, bool CorkageWaiverRequested);
