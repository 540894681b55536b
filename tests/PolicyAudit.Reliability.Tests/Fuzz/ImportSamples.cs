namespace PolicyAudit.Reliability.Tests;

/// <summary>
/// Valid import files the fuzzer starts from. They refer to policies and decisions of <see cref="EvidenceSamples"/>
/// (the store they are imported into) as well as to their own.
/// </summary>
internal static class ImportSamples
{
    public const string JsonLines = """
        {"type":"policy","id":"cake-plating-fee","title":"Cake plating fee","owner":"owner-1","overridableBy":"supervisor","rationale":"Plating takes a cook off the line."}
        {"type":"policy","id":"last-seating","title":"Last seating at 22:00","owner":"owner-1","overridableBy":"manager","rationale":null}
        {"type":"decision","id":"pos-1001","at":"2026-03-02T19:30:00Z","policies":["cake-plating-fee"],"outcome":"deny","customer":"guest-3","staff":"waiter-2","location":"terrace"}
        {"type":"decision","id":"pos-1002","at":"2026-03-02T19:45:10+01:00","policies":["corkage-fee","last-seating"],"outcome":"require-approval","customer":"guest-4","staff":"waiter-1","location":null}
        {"type":"decision","id":"pos-1003","at":"2026-03-02 20:05:00Z","policies":["card-minimum"],"outcome":"allow","customer":null,"staff":"waiter-3","location":"bar"}
        {"type":"decision","id":"pos-1004","at":"2026-03-02","policies":["last-seating"],"outcome":"deny","customer":"guest-9","staff":"waiter-2","location":"terrace"}
        {"type":"override","decision":"pos-1001","at":"2026-03-02T19:31:00Z","staff":"waiter-2","role":"staff","justification":"The cake came from our own bakery; plating it is part of our service.","approvedBy":"sup-1"}
        {"type":"override","decision":"pos-1002","at":"2026-03-02T19:47:00Z","staff":"mgr-1","role":"manager","justification":"Anniversary; the wine is not on our list."}
        {"type":"override","decision":"decision-1","at":"2026-03-02T20:00:00.125Z","staff":"waiter-1","role":"staff","justification":"","approvedBy":null}
        {"type":"outcome","decision":"pos-1001","at":"2026-03-03T09:00:00Z","kind":"compliment","note":"Left a review mentioning the cake."}
        {"type":"outcome","decision":"decision-2","at":"2026-03-03T10:00:00Z","kind":"complaint","note":"Felt \"nickel-and-dimed\" by the fee."}
        {"type":"outcome","decision":"pos-1004","at":"2026-03-03T11:00:00Z","kind":"loss"}

        """;

    public const string Csv = """
        decision_id,at,policy,outcome,customer,staff,override_staff,override_role,justification,approved_by,override_at
        till-2001,2026-03-04T19:00:00Z,corkage-fee,require-approval,guest-1,waiter-1,waiter-1,staff,"Regular guest, anniversary; bottle from their wedding.",mgr-2,2026-03-04T19:02:00Z
        till-2002,2026-03-04T19:10:00Z,no-outside-cake;card-minimum,deny,guest-2,waiter-2,,,,,
        till-2003,2026-03-04T19:20:00+02:00,card-minimum,deny,,waiter-3,sup-1,supervisor,"Card machine was down; ""cash only"" would have lost the table.",,2026-03-04T19:21:00+02:00
        till-2004,2026-03-04 19:30:00Z,no-outside-cake,require-approval,guest-4,waiter-4,,,,,
        till-2005,2026-03-04,corkage-fee,allow,guest-5,waiter-1,,,,,

        """;
}
