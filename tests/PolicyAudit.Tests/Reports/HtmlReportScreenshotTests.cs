using System.Diagnostics;

namespace PolicyAudit.Tests.Reports;

public sealed class HtmlReportScreenshotTests
{
    [ChromiumFact]
    public async Task Render_InHeadlessChromium_ShowsTextAndCharts()
    {
        var review = await ReportScenario.ReviewAsync();
        var directory = Directory.CreateTempSubdirectory("policyaudit-screenshot-");
        try
        {
            var html = Path.Combine(directory.FullName, "report.html");
            var png = Path.Combine(directory.FullName, "report.png");
            ReportRenderers.WriteFile(review, ReportFormat.Html, html);

            await ScreenshotAsync(html, png, Path.Combine(directory.FullName, "profile"));

            var image = PngImage.Decode(await File.ReadAllBytesAsync(png));
            int text = 0, chart = 0, nonWhite = 0;
            for (var y = 0; y < image.Height; y++)
            {
                for (var x = 0; x < image.Width; x++)
                {
                    var (r, g, b) = image[x, y];
                    if (r < 250 || g < 250 || b < 250)
                    {
                        nonWhite++;
                    }

                    if (r < 60 && g < 60 && b < 60)
                    {
                        text++;
                    }

                    if (Math.Abs(r - 0x2a) < 16 && Math.Abs(g - 0x6f) < 16 && Math.Abs(b - 0xdb) < 16)
                    {
                        chart++;
                    }
                }
            }

            Assert.Equal((1200, 1600), (image.Width, image.Height));
            Assert.True(nonWhite > image.Width * image.Height / 50, $"the page looks blank: {nonWhite} non-white pixels");
            Assert.True(text > 2000, $"too little dark text: {text} pixels");
            Assert.True(chart > 200, $"no override chart visible: {chart} bar-coloured pixels");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
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
            "--window-size=1200,1600", new Uri(html).AbsoluteUri,
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
