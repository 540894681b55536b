namespace PolicyAudit.Tests.Reports;

/// <summary>A test that needs headless Chromium (<c>/usr/bin/chromium</c>); skipped, with the reason, where it is absent.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Path = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Path))
        {
            Skip = $"{Path} is not installed (apt-get install -y chromium); the HTML report screenshot test needs it.";
        }
    }
}
