using System.Text.Encodings.Web;
using System.Text.Json;

namespace PolicyAudit;

/// <summary>
/// Writes a review as indented camelCase JSON: <c>window</c>, <c>thresholds</c>, <c>policies</c>,
/// <c>repeatCustomers</c>, <c>staff</c>, <c>droppedDecisions</c>. The schema is documented in the CLI's README.
/// Stateless and thread-safe.
/// </summary>
internal sealed class JsonReportRenderer : IReportRenderer
{
    public ReportFormat Format => ReportFormat.Json;

    public string FileExtension => ".json";

    public void Render(Review review, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("owner", review.Owner);
            json.WriteWindow(review.Window);
            WriteThresholds(json, review.Options);
            json.WriteStartArray("policies");
            foreach (var policy in review.Policies)
            {
                WritePolicy(json, policy);
            }

            json.WriteEndArray();
            json.WriteStartArray("policiesWithoutDecisions");
            foreach (var policy in review.PoliciesWithoutDecisions)
            {
                json.WriteStartObject();
                json.WriteString("id", policy.Id);
                json.WriteString("title", policy.Title);
                json.WriteString("owner", policy.Owner);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("repeatCustomers");
            foreach (var customer in review.RepeatCustomers)
            {
                json.WriteStartObject();
                json.WriteString("customer", customer.Customer);
                json.WriteNumber("overrides", customer.Overrides);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("staff");
            foreach (var staff in review.Staff)
            {
                json.WriteStartObject();
                json.WriteString("staff", staff.Staff);
                json.WriteNumber("decisions", staff.Decisions);
                json.WriteNumber("overrides", staff.Overrides);
                json.WriteNumber("escalatedOverrides", staff.EscalatedOverrides);
                json.WriteNumber("unauthorizedOverrides", staff.UnauthorizedOverrides);
                json.WriteNumber("refusedOverrides", staff.RefusedOverrides);
                json.WriteStringArray("policies", staff.Policies);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("droppedDecisions", review.DroppedDecisions);
            if (review.Integrity is { } integrity)
            {
                json.WriteStartObject("verification");
                json.WriteBoolean("valid", integrity.IsValid);
                json.WriteNumber("recordsChecked", integrity.RecordsChecked);
                if (integrity.FirstBadSequence is { } bad)
                {
                    json.WriteNumber("firstBadRecord", bad);
                }
                else
                {
                    json.WriteNull("firstBadRecord");
                }

                json.WriteString("problem", integrity.Problem);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }

    private static void WriteThresholds(Utf8JsonWriter json, ReviewOptions options)
    {
        json.WriteStartObject("thresholds");
        json.WriteNumber("minimumDenials", options.MinimumDenials);
        json.WriteNumber("minimumOverrides", options.MinimumOverrides);
        json.WriteNumber("keepBelowOverrideRate", options.KeepBelowOverrideRate);
        json.WriteNumber("enforceAboveHarmRate", options.EnforceAboveHarmRate);
        json.WriteNumber("coachTopStaffCount", options.CoachTopStaffCount);
        json.WriteNumber("coachTopStaffShare", options.CoachTopStaffShare);
        json.WriteNumber("delegateEscalatedShare", options.DelegateEscalatedShare);
        json.WriteNumber("repeatCustomerMinimumOverrides", options.RepeatCustomerMinimumOverrides);
        json.WriteNumber("suggestionMinimumOverrideShare", options.SuggestionMinimumOverrideShare);
        json.WriteNumber("suggestionMaximumUpheldShare", options.SuggestionMaximumUpheldShare);
        json.WriteEndObject();
    }

    private static void WritePolicy(Utf8JsonWriter json, PolicyReview policy)
    {
        json.WriteStartObject();
        json.WriteString("id", policy.Id);
        json.WriteString("title", policy.Title);
        json.WriteString("owner", policy.Owner);
        json.WriteString("overridableBy", policy.OverridableBy is { } role ? WireNames.Of(role) : null);
        json.WriteString("rationale", policy.Rationale);
        json.WriteString("verdict", VerdictNames.Of(policy.Verdict));
        json.WriteStringArray("reasons", policy.Reasons);
        WriteSuggestion(json, policy.Suggestion);
        json.WriteNumber("decisions", policy.Decisions);
        json.WriteNumber("denials", policy.Denials);
        json.WriteNumber("overrides", policy.Overrides);
        json.WriteNumber("overrideRate", Math.Round(policy.OverrideRate, 4));
        json.WriteNumber("overrideRateLow", Math.Round(policy.OverrideRateLow, 4));
        json.WriteNumber("overrideRateHigh", Math.Round(policy.OverrideRateHigh, 4));
        json.WriteNumber("escalatedOverrides", policy.EscalatedOverrides);
        json.WriteNumber("unauthorizedOverrides", policy.UnauthorizedOverrides);
        json.WriteNumber("distinctStaff", policy.DistinctStaff);
        json.WriteNumber("distinctCustomers", policy.DistinctCustomers);
        json.WriteNumber("harmfulOutcomes", policy.HarmfulOutcomes);
        json.WriteNumber("topStaffShare", Math.Round(policy.TopStaffShare, 4));
        json.WriteStartArray("topJustifications");
        foreach (var justification in policy.TopJustifications)
        {
            json.WriteStartObject();
            json.WriteString("text", justification.Text);
            json.WriteNumber("count", justification.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("justificationGroups");
        foreach (var group in policy.JustificationGroups)
        {
            json.WriteStartObject();
            json.WriteString("word", group.Word);
            json.WriteNumber("count", group.Count);
            json.WriteStringArray("examples", group.Examples);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("harms");
        foreach (var harm in policy.Harms)
        {
            json.WriteStartObject();
            json.WriteString("decision", harm.DecisionId);
            json.WriteString("outcome", WireNames.Of(harm.Outcome));
            json.WriteString("at", ReportText.Time(harm.At));
            json.WriteString("note", harm.Note);
            json.WriteString("customer", harm.Customer);
            json.WriteString("staff", harm.Staff);
            json.WriteString("justification", harm.Justification);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("versions");
        foreach (var version in policy.Versions)
        {
            json.WriteStartObject();
            json.WriteString("version", version.Version);
            json.WriteNumber("decisions", version.Decisions);
            json.WriteNumber("denials", version.Denials);
            json.WriteNumber("overrides", version.Overrides);
            json.WriteNumber("overrideRate", Math.Round(version.OverrideRate, 4));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("overridesByDay");
        foreach (var day in policy.OverridesByDay)
        {
            json.WriteStartObject();
            json.WriteString("day", ReportText.Day(day.Day));
            json.WriteNumber("overrides", day.Overrides);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSuggestion(Utf8JsonWriter json, Suggestion? suggestion)
    {
        if (suggestion is null)
        {
            json.WriteNull("suggestion");
            return;
        }

        json.WriteStartObject("suggestion");
        json.WriteString("condition", suggestion.Condition);
        json.WriteString("property", suggestion.Property);
        json.WriteString("operator", suggestion.Operator);
        json.WriteString("value", suggestion.Value);
        json.WriteBoolean("valueIsText", suggestion.IsText);
        json.WriteNumber("overridesCovered", suggestion.CoveredOverrides);
        json.WriteNumber("overrides", suggestion.Overrides);
        json.WriteNumber("upheldDenialsCovered", suggestion.CoveredUpheldDenials);
        json.WriteNumber("upheldDenials", suggestion.UpheldDenials);
        json.WriteString("support", suggestion.Support);
        json.WriteString("exception", suggestion.Exception);
        json.WriteEndObject();
    }
}
