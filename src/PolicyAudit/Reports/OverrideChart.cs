using System.Globalization;
using System.Net;
using System.Text;

namespace PolicyAudit;

/// <summary>
/// Draws a policy's overrides over time as an inline SVG bar chart. Bars are days for spans up to two months, weeks
/// (from Monday) up to two years, months up to eight years and years beyond, so a chart never has more than about a
/// hundred bars. A span is at most <see cref="MaxSpanYears"/> years from its first day: a stored time far in the
/// future (9999-12-31) cannot make a chart endless or overflow the calendar; its overrides stay in every figure.
/// </summary>
internal static class OverrideChart
{
    public const string BarColour = "#2a6fdb";
    private const int Width = 640;
    private const int Height = 180;
    private const int Left = 40;
    private const int Bottom = 24;
    private const int Top = 12;

    /// <summary>The longest span a chart draws.</summary>
    public const int MaxSpanYears = 100;

    /// <summary>The first and last day every chart of a review spans, so charts can be compared; null when there are no overrides.</summary>
    public static (DateOnly First, DateOnly Last)? Span(Review review)
    {
        var days = review.Policies.SelectMany(p => p.OverridesByDay).Select(d => d.Day).ToArray();
        if (days.Length == 0)
        {
            return null;
        }

        var first = review.Window.From is { } from ? DateOnly.FromDateTime(from.UtcDateTime) : days.Min();
        var last = review.Window.To is { } to ? DateOnly.FromDateTime(to.UtcDateTime.AddTicks(-1)) : days.Max();
        if (last < first)
        {
            return (first, first);
        }

        var cap = first.Year <= DateOnly.MaxValue.Year - MaxSpanYears ? first.AddYears(MaxSpanYears) : DateOnly.MaxValue;
        return (first, last > cap ? cap : last);
    }

    public static string Svg(PolicyReview policy, (DateOnly First, DateOnly Last) span)
    {
        var buckets = Buckets(policy, span);
        var max = Math.Max(1, buckets.Max(b => b.Count));
        var plotWidth = Width - Left - 8;
        var plotHeight = Height - Top - Bottom;
        var barWidth = (double)plotWidth / buckets.Count;
        var label = WebUtility.HtmlEncode($"Overrides of {policy.Title} over time");
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{label}\">");
        svg.Append("<title>").Append(label).Append("</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Width - 8}\" y2=\"{Top + plotHeight}\" stroke=\"#888\" />");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotHeight}\" stroke=\"#888\" />");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Top + 10}\" text-anchor=\"end\" font-size=\"11\" fill=\"#1a1a1a\">{max}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Top + plotHeight}\" text-anchor=\"end\" font-size=\"11\" fill=\"#1a1a1a\">0</text>");
        for (var i = 0; i < buckets.Count; i++)
        {
            var (start, count) = buckets[i];
            if (count == 0)
            {
                continue;
            }

            var height = Math.Max(1.0, (double)count / max * plotHeight);
            var width = Math.Clamp(barWidth * 0.8, 1, 24);
            var x = Left + (i * barWidth) + ((barWidth - width) / 2);
            var y = Top + plotHeight - height;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{width:0.##}\" height=\"{height:0.##}\" fill=\"{BarColour}\"><title>{ReportText.Day(start)}: {count}</title></rect>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 6}\" font-size=\"11\" fill=\"#1a1a1a\">{ReportText.Day(buckets[0].Start)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - 8}\" y=\"{Height - 6}\" text-anchor=\"end\" font-size=\"11\" fill=\"#1a1a1a\">{ReportText.Day(buckets[^1].Start)}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static List<(DateOnly Start, int Count)> Buckets(PolicyReview policy, (DateOnly First, DateOnly Last) span)
    {
        var days = span.Last.DayNumber - span.First.DayNumber + 1;
        var size = days <= 62 ? Bucket.Day : days <= 731 ? Bucket.Week : days <= 3_000 ? Bucket.Month : Bucket.Year;
        var counts = new SortedDictionary<DateOnly, int>();
        for (DateOnly? d = BucketOf(span.First, size); d is { } day && day <= span.Last; d = Next(day, size))
        {
            counts[day] = 0;
        }

        foreach (var day in policy.OverridesByDay.Where(d => d.Day >= span.First && d.Day <= span.Last))
        {
            var bucket = BucketOf(day.Day, size);
            counts[bucket] = counts.GetValueOrDefault(bucket) + day.Overrides;
        }

        return counts.Select(c => (c.Key, c.Value)).ToList();
    }

    private static DateOnly BucketOf(DateOnly day, Bucket size) => size switch
    {
        Bucket.Day => day,
        Bucket.Week => DateOnly.FromDayNumber(Math.Max(0, day.DayNumber - (((int)day.DayOfWeek + 6) % 7))),
        Bucket.Month => new DateOnly(day.Year, day.Month, 1),
        _ => new DateOnly(day.Year, 1, 1),
    };

    /// <summary>The next bucket's first day; null past the end of the calendar.</summary>
    private static DateOnly? Next(DateOnly bucket, Bucket size)
    {
        var last = DateOnly.MaxValue;
        return size switch
        {
            Bucket.Day => bucket < last ? bucket.AddDays(1) : null,
            Bucket.Week => bucket.DayNumber <= last.DayNumber - 7 ? bucket.AddDays(7) : null,
            Bucket.Month => bucket.Year < last.Year || bucket.Month < 12 ? bucket.AddMonths(1) : null,
            _ => bucket.Year < last.Year ? bucket.AddYears(1) : null,
        };
    }

    private enum Bucket
    {
        Day,
        Week,
        Month,
        Year,
    }
}
