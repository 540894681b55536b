namespace PolicyAudit.Analyzers.Evaluation.Tests;

/// <summary>A case's analyzer options: its <c>.globalconfig</c> and the command line's <c>--option key=value</c>.</summary>
public sealed class CaseOptionsTests : IDisposable
{
    private readonly string _case = Directory.CreateTempSubdirectory("pa-options-").FullName;

    public void Dispose() => Directory.Delete(_case, recursive: true);

    [Fact]
    public void Read_OverrideOfAFileValue_TakesTheOverride()
    {
        File.WriteAllText(Path.Combine(_case, ".globalconfig"), "PA0001.reported_comparisons = any\nevaluation.app_sdk = library\n");

        var options = CaseOptions.Read(_case, [CaseOptions.ParseOverride(" PA0001.reported_comparisons = matching ")]);

        Assert.True(options.GlobalOptions.TryGetValue("PA0001.reported_comparisons", out var compared));
        Assert.Equal("matching", compared);
        Assert.True(options.GlobalOptions.TryGetValue("evaluation.app_sdk", out var sdk));
        Assert.Equal("library", sdk);
    }

    [Theory]
    [InlineData("")]
    [InlineData("PA0001.reported_comparisons")]
    [InlineData("=matching")]
    public void ParseOverride_WithoutKeyOrEquals_ThrowsNamingTheText(string text)
    {
        var error = Assert.Throws<FormatException>(() => CaseOptions.ParseOverride(text));

        Assert.Contains($"found '{text}'", error.Message, StringComparison.Ordinal);
    }
}
