using System.Globalization;

namespace PolicyAudit.Reliability.Tests;

/// <summary>
/// The seed of a randomized test: POLICYAUDIT_RELIABILITY_SEED when set (to replay a failure), a fresh one otherwise.
/// Every randomized test prints its seed and names it in its failure messages.
/// </summary>
internal static class Seed
{
    public const string Variable = "POLICYAUDIT_RELIABILITY_SEED";

    public static int Next(ITestOutputHelper output)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var fixedSeed)
            ? fixedSeed
            : Random.Shared.Next();
        output.WriteLine($"seed {seed} (replay with {Variable}={seed})");
        return seed;
    }
}
