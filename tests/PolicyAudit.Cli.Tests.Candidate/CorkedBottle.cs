namespace PolicyAudit.Cli.Tests.Candidate;

/// <summary>A bottle a guest brought in; stored facts name it <c>Pos.CorkedBottle</c>, so it rebinds by its simple name.</summary>
/// <param name="Wine">The wine.</param>
/// <param name="WaiverRequested">True when the guest asks to waive the corkage fee.</param>
public sealed record CorkedBottle(string Wine, bool WaiverRequested);
