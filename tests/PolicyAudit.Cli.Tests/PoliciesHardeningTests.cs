namespace PolicyAudit.Cli.Tests;

/// <summary>The <c>policies</c> command prints what an assembly declares without letting it drive the terminal, and names a policy whose authority is not a role.</summary>
public sealed class PoliciesHardeningTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("policyaudit-policies-");

    [Fact]
    public async Task Policies_UndefinedOverridableBy_ExitTwoNamingThePolicy()
    {
        var assembly = PolicyAssemblyWriter.Write(_folder.FullName, "BadAuthority", ("corkage-fee", "Corkage fee", (StaffRole)7));

        var run = await CliHarness.RunAsync(new InMemoryStores(), "policies", "--assembly", assembly);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("policy 'corkage-fee' (BadAuthority.Policy0) has OverridableBy = 7, which is not a staff role", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policies_TitleWithControlCharacters_TableEscapesThem()
    {
        var assembly = PolicyAssemblyWriter.Write(_folder.FullName, "Sneaky", ("corkage-fee", "Corkage\u001b[2J\r\nvalid: 999 records", StaffRole.Manager));

        var run = await CliHarness.RunAsync(new InMemoryStores(), "policies", "--assembly", assembly);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Out);
        Assert.Contains("Corkage\\x1b[2J\\r\\nvalid: 999 records", run.Out, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
