using System.Diagnostics;

namespace PolicyAudit.Tests.Reports;

public sealed class HtmlReportScreenshotTests
{
    [ChromiumFact]
    public async Task Render_InHeadlessChromium_ShowsTextAndCharts()
    {
        var review = await ReportScenario.ReviewAsync();

        var image = await ScreenshotOfAsync(review);

        var nonWhite = Count(image, (r, g, b) => r < 250 || g < 250 || b < 250);
        var text = Count(image, (r, g, b) => r < 60 && g < 60 && b < 60);
        var chart = Count(image, (r, g, b) => Math.Abs(r - 0x2a) < 16 && Math.Abs(g - 0x6f) < 16 && Math.Abs(b - 0xdb) < 16);
        Assert.Equal((1200, 2400), (image.Width, image.Height));
        Assert.True(nonWhite > image.Width * image.Height / 50, $"the page looks blank: {nonWhite} non-white pixels");
        Assert.True(text > 2000, $"too little dark text: {text} pixels");
        Assert.True(chart > 200, $"no override chart visible: {chart} bar-coloured pixels");
    }

    [ChromiumFact]
    public async Task Render_OwnerPacketWithSuggestion_ShowsTheSuggestedChange()
    {
        var packet = (await ReportScenario.ReviewAsync()).ForOwner("chef");
        Assert.NotNull(Assert.Single(packet.Policies).Suggestion);

        var image = await ScreenshotOfAsync(packet);

        var box = Count(image, (r, g, b) => Math.Abs(r - 0xea) < 4 && Math.Abs(g - 0xf3) < 4 && Math.Abs(b - 0xea) < 4);
        var rule = Count(image, (r, g, b) => Math.Abs(r - 0x2e) < 12 && Math.Abs(g - 0x7d) < 12 && Math.Abs(b - 0x32) < 12);
        var text = Count(image, (r, g, b) => r < 60 && g < 60 && b < 60);
        Assert.True(box > 20000, $"no suggestion box visible: {box} pixels of its background");
        Assert.True(rule > 200, $"no suggestion rule visible: {rule} pixels of its border");
        Assert.True(text > 2000, $"too little dark text: {text} pixels");
    }

    /// <summary>Writes the review as one HTML file, alone in a fresh folder (so nothing else could be loaded), and screenshots it.</summary>
    private static async Task<PngImage> ScreenshotOfAsync(PolicyAudit.Review review)
    {
        var directory = Directory.CreateTempSubdirectory("policyaudit-screenshot-");
        try
        {
            var html = Path.Combine(directory.FullName, "report.html");
            var png = Path.Combine(directory.FullName, "report.png");
            ReportRenderers.WriteFile(review, ReportFormat.Html, html);
            await ScreenshotAsync(html, png, Path.Combine(directory.FullName, "profile"));
            return PngImage.Decode(await File.ReadAllBytesAsync(png));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static int Count(PngImage image, Func<int, int, int, bool> matches)
    {
        var count = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b) = image[x, y];
                count += matches(r, g, b) ? 1 : 0;
            }
        }

        return count;
    }

    private static async Task ScreenshotAsync(string html, string png, string profile)
    {
        var start = new ProcessStartInfo(ChromiumFactAttribute.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--screenshot=" + png,
            "--window-size=1200,2400", new Uri(html).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(File.Exists(png), $"chromium wrote no screenshot (exit {process.ExitCode}): {await output} {await errors}");
    }
}
