namespace PolicyAudit.Analyzers.Tests.Verifiers;

/// <summary>What a PolicyAudit harness test says about the projects it compiles (see <see cref="PolicyAuditTestSetup"/>).</summary>
internal interface IPolicyAuditTest
{
    /// <summary>The framework every project compiles against; <see cref="TestFramework.Net100"/> unless set.</summary>
    TestFramework Framework { get; }

    /// <summary>Whether the projects reference PolicyAudit (and NRules) as a user's project does; true unless set.</summary>
    bool ReferencesPolicyAudit { get; }
}
