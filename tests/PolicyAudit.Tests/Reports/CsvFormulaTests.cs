namespace PolicyAudit.Tests.Reports;

/// <summary>A CSV cell a spreadsheet could run as a formula is prefixed with an apostrophe, however it hides its first character.</summary>
public sealed class CsvFormulaTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("  =1+1")]
    [InlineData("\n+1")]
    [InlineData("\r\n-2")]
    [InlineData(" \t@SUM(A1)")]
    [InlineData("\uFF1D1+1")]
    [InlineData(" \uFF0B1")]
    [InlineData("\uFF0D1")]
    [InlineData("\uFF20cmd")]
    [InlineData("\u3000=1")]
    public void Text_CellThatStartsLikeAFormula_PrefixedWithApostrophe(string cell)
    {
        var written = CsvText.Text(cell);

        Assert.StartsWith("'", written.TrimStart('"'), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Allergy")]
    [InlineData("  regular guest")]
    [InlineData("100% sure")]
    public void Text_OrdinaryCell_NotPrefixed(string cell)
    {
        Assert.False(CsvText.Text(cell).TrimStart('"').StartsWith('\''));
    }

    [Fact]
    public void Text_BidiControls_RemovedFromTheCell()
    {
        Assert.Equal("evil.exe", CsvText.Text("evil\u202E.exe"));
    }
}
