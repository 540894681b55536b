namespace PolicyAudit.Cli;

/// <summary>The exit codes of every <c>policyaudit</c> command.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>Something else went wrong (the message says what); nothing was half-written.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: a bad option, a missing file, a line of an import that cannot be accepted.</summary>
    public const int BadInput = 2;

    /// <summary>The evidence chain does not verify, or no longer holds a checkpoint.</summary>
    public const int VerificationFailed = 3;
}
