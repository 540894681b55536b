using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;

namespace PolicyAudit.Analyzers.Tests.Packaging;

/// <summary>
/// Packs the real library and builds a two-project host against the package, as a user would: policies in one
/// assembly, application code in another, and the analyzer's warning read back from the SARIF error log.
/// </summary>
public sealed class PackageEndToEndTests
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(8);

    private const string PoliciesProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="PolicyAudit" Version="$(PolicyAuditVersion)" />
          </ItemGroup>
        </Project>
        """;

    private const string PoliciesSource = """
        using PolicyAudit;

        namespace Shop
        {
            public sealed class Order
            {
                public int DaysSincePurchase { get; set; }
            }

            [Policy("refund-window", Title = "Refunds within 30 days")]
            public sealed class RefundWindow : Policy
            {
                public override void Define()
                {
                    Order order = null!;
                    When().Match(() => order, o => o.DaysSincePurchase > 30);
                    Then().Deny("Refunds are accepted within 30 days of purchase.");
                }
            }
        }
        """;

    private const string AppProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ErrorLog>$(MSBuildProjectDirectory)/build.sarif,version=2.1</ErrorLog>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="../Policies/Policies.csproj" />
            <PackageReference Include="PolicyAudit" Version="$(PolicyAuditVersion)" />
          </ItemGroup>
        </Project>
        """;

    private const int HardCodedCheckLine = 7;

    private const string AppSource = """
        namespace Shop.App
        {
            public static class RefundDesk
            {
                public static string Refund(Shop.Order order)
                {
                    if (order.DaysSincePurchase > 30) return "Too late";
                    return order.DaysSincePurchase == 0 ? "Refunded today" : "Refunded";
                }
            }
        }
        """;

    [PackedLibraryFact]
    public async Task Build_HostAgainstPackedLibrary_ReportsHardCodedCheckOnExpectedLine()
    {
        var root = RepositoryRoot.Find()!;
        var work = Directory.CreateTempSubdirectory("policyaudit-e2e-");
        // A version of its own, so NuGet's cache never serves a package packed by an earlier run.
        var version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            var feed = Path.Combine(work.FullName, "feed");
            var pack = await DotnetCli.RunAsync(root, StepTimeout, "pack", "src/PolicyAudit", "-c", "Release", "-o", feed, "-p:Version=" + version, "--disable-build-servers");
            Assert.True(pack.ExitCode == 0, $"dotnet pack src/PolicyAudit failed:\n{pack.Output}");

            // One package: the engine is NRules, restored from the host's own feeds as a dependency.
            Assert.Equal([$"PolicyAudit.{version}.nupkg"], Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName));
            var package = Path.Combine(feed, $"PolicyAudit.{version}.nupkg");
            AssertPackageLayout(package);

            var host = Path.Combine(work.FullName, "host");
            WriteHost(host, version);
            var build = await DotnetCli.RunAsync(host, StepTimeout, "build", "App/App.csproj", "--disable-build-servers");
            Assert.True(build.ExitCode == 0, "dotnet build of the host failed:\n" + build.Output);

            var results = ReadSarifResults(Path.Combine(host, "App", "build.sarif"));
            Assert.DoesNotContain(results, r => r.RuleId is "CS8032" or "AD0001");
            var hardCoded = Assert.Single(results, r => r.RuleId == "PA0001");
            Assert.EndsWith("RefundDesk.cs", hardCoded.File, StringComparison.Ordinal);
            Assert.Equal(HardCodedCheckLine, hardCoded.Line);
            Assert.Equal(
                "'order.DaysSincePurchase > 30' hard-codes policy 'refund-window'; ask IPolicyEngine so that exceptions are recorded",
                hardCoded.Message);
        }
        finally
        {
            work.Delete(recursive: true);
            RemoveFromNuGetCache(version);
        }
    }

    private static void AssertPackageLayout(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("analyzers/dotnet/cs/PolicyAudit.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/PolicyAudit.Analyzers.CodeFixes.dll", entries);
        Assert.Contains("buildTransitive/PolicyAudit.props", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("lib/net10.0/PolicyAudit.xml", entries);

        var library = archive.GetEntry("lib/net10.0/PolicyAudit.dll");
        Assert.NotNull(library);
        using var image = new MemoryStream();
        using (var stream = library.Open())
        {
            stream.CopyTo(image);
        }

        image.Position = 0;
        using var reader = new PEReader(image);
        var metadata = reader.GetMetadataReader();
        Assert.Contains(
            metadata.TypeDefinitions.Select(metadata.GetTypeDefinition),
            type => metadata.GetString(type.Namespace) == "PolicyAudit" && metadata.GetString(type.Name) == "Policy");

        var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var nuspecStream = nuspec.Open();
        var dependencies = System.Xml.Linq.XDocument.Load(nuspecStream).Descendants()
            .Where(e => e.Name.LocalName == "dependency")
            .Select(e => (Id: (string)e.Attribute("id")!, Version: (string)e.Attribute("version")!))
            .ToArray();
        Assert.Contains(("NRules", "1.0.4"), dependencies);
        Assert.DoesNotContain(dependencies, d => d.Id.StartsWith("PolicyAudit", StringComparison.Ordinal));
    }

    private static void WriteHost(string host, string version)
    {
        Directory.CreateDirectory(Path.Combine(host, "Policies"));
        Directory.CreateDirectory(Path.Combine(host, "App"));
        // Empty imports stop MSBuild from picking up build settings from folders above the temporary directory.
        File.WriteAllText(Path.Combine(host, "Directory.Build.props"), $"<Project><PropertyGroup><PolicyAuditVersion>{version}</PolicyAuditVersion></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(host, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(host, "Directory.Packages.props"), "<Project />");
        // Adds the packed folder; the machine's own package sources stay in force for everything else.
        File.WriteAllText(Path.Combine(host, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="policyaudit-e2e" value="../feed" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(host, "Policies", "Policies.csproj"), PoliciesProject);
        File.WriteAllText(Path.Combine(host, "Policies", "RefundWindow.cs"), PoliciesSource);
        File.WriteAllText(Path.Combine(host, "App", "App.csproj"), AppProject);
        File.WriteAllText(Path.Combine(host, "App", "RefundDesk.cs"), AppSource);
    }

    private static List<SarifResult> ReadSarifResults(string path)
    {
        Assert.True(File.Exists(path), "The build wrote no SARIF log at " + path);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var results = new List<SarifResult>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var runResults))
            {
                continue;
            }

            foreach (var result in runResults.EnumerateArray())
            {
                var location = result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                    ? locations[0].GetProperty("physicalLocation")
                    : default;
                results.Add(new SarifResult(
                    result.GetProperty("ruleId").GetString()!,
                    result.GetProperty("message").GetProperty("text").GetString()!,
                    location.ValueKind == JsonValueKind.Object ? location.GetProperty("artifactLocation").GetProperty("uri").GetString()! : string.Empty,
                    location.ValueKind == JsonValueKind.Object ? location.GetProperty("region").GetProperty("startLine").GetInt32() : 0));
            }
        }

        return results;
    }

    private static void RemoveFromNuGetCache(string version)
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var folder = Path.Combine(cache, "policyaudit", version);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var idFolder = Path.Combine(cache, "policyaudit");
        if (Directory.Exists(idFolder) && !Directory.EnumerateFileSystemEntries(idFolder).Any())
        {
            Directory.Delete(idFolder);
        }
    }

    private sealed record SarifResult(string RuleId, string Message, string File, int Line);
}
