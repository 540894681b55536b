using Microsoft.CodeAnalysis.Testing;
using PolicyAudit.Analyzers.Tests.Verifiers;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on Ocelot, MODiX, Moonglade and eShopOnWeb (docs/analyzer-evaluation.md, fifth round): a governed
/// collection's size read through <c>?.</c>; the highest of a governed rank (<c>Max</c>, <c>Select(..).Max()</c>); a search
/// (<c>Any(predicate)</c>) of a collection whose policy only asks whether it is empty; a count nobody compares; and the
/// year or month of a governed date matched to file a record, where the policy orders the date.
/// </summary>
public sealed class CollectionQueryShapesTests
{
    private const string Domain = """
        using System;
        using System.Collections.Generic;

        namespace Gateway
        {
            public enum PostStatus { Draft, Published }

            public sealed class Route
            {
                public Dictionary<string, string>? ClaimsRequired { get; set; }
            }

            public sealed class Scope
            {
                public string Name { get; set; } = "";
            }

            public sealed class Client
            {
                public List<Scope> Scopes { get; } = new();
            }

            public sealed class Viewer
            {
                public HashSet<string> HiddenTags { get; } = new();
            }

            public sealed class Anime
            {
                public List<string> Tags { get; } = new();
            }

            public sealed class RankRole
            {
                public int Position { get; set; }
            }

            public sealed class BasketItem
            {
                public int CatalogItemId { get; set; }
            }

            public sealed class Basket
            {
                public List<BasketItem> Items { get; } = new();
            }

            public sealed class Post
            {
                public PostStatus Status { get; set; }
                public DateTime? PublishedOn { get; set; }
            }
        }
        """;

    private const string Policies = """
        using System;
        using System.Linq;
        using Gateway;
        using PolicyAudit;
        namespace Gateway.Policies
        {
            [Policy("claims-required")]
            public sealed class ClaimsRequired : Policy
            {
                public override void Define()
                {
                    Route route = null!;
                    When().Match(() => route, r => r.ClaimsRequired.Count > 0);
                    Then().RequireApproval("This route needs claims.");
                }
            }

            [Policy("client-scope-allowed")]
            public sealed class ClientScopeAllowed : Policy
            {
                public override void Define()
                {
                    Client client = null!;
                    string requested = null!;
                    When().Match(() => client).Match(() => requested, s => !client.Scopes.Any(sc => sc.Name == s));
                    Then().Deny("The client may not ask for this scope.");
                }
            }

            [Policy("restricted-anime")]
            public sealed class RestrictedAnime : Policy
            {
                public override void Define()
                {
                    Viewer viewer = null!;
                    Anime anime = null!;
                    When().Match(() => viewer).Match(() => anime, a => viewer.HiddenTags.Overlaps(a.Tags));
                    Then().Deny("This viewer does not see anime with these tags.");
                }
            }

            [Policy("senior-rank-only")]
            public sealed class SeniorRankOnly : Policy
            {
                public override void Define()
                {
                    RankRole role = null!;
                    When().Match(() => role, r => r.Position < 10);
                    Then().Deny("Only ranks from 10 up may moderate.");
                }
            }

            [Policy("checkout-needs-items")]
            public sealed class CheckoutNeedsItems : Policy
            {
                public override void Define()
                {
                    Basket basket = null!;
                    When().Match(() => basket, b => !b.Items.Any());
                    Then().Deny("An empty basket cannot be checked out.");
                }
            }

            [Policy("published-only")]
            public sealed class PublishedOnly : Policy
            {
                public override void Define()
                {
                    Post post = null!;
                    When().Match(() => post, p => p.Status != PostStatus.Published);
                    Then().Deny("Only published posts are shown.");
                }
            }

            [Policy("comment-window")]
            public sealed class CommentWindow : Policy
            {
                public override void Define()
                {
                    Post post = null!;
                    When().Match(() => post, p => p.PublishedOn < DateTime.UtcNow.AddDays(-30));
                    Then().Deny("Comments close 30 days after publishing.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    private static DiagnosticResult Expected(int marker, string code, string policies) => VerifyCS.Expected(marker, code, policies);

    [Fact]
    public async Task SizeThroughConditionalAccess_IsReported()
    {
        await VerifyAsync("""
            using Gateway;
            public static class Authorization
            {
                public static bool IsAuthorized(Route route) => {|#0:route.ClaimsRequired?.Count > 0|};
            }
            """,
            Expected(0, "route.ClaimsRequired?.Count > 0", "policy 'claims-required'"));
    }

    [Fact]
    public async Task HighestRankOfGovernedRoles_IsReported()
    {
        await VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Gateway;
            public static class Moderation
            {
                public static bool MayModerate(List<RankRole> roles)
                {
                    var highest = roles.Any() ? roles.Select(r => r.Position).Max() : int.MinValue;
                    return {|#0:highest >= 10|};
                }

                public static bool MayPromote(List<RankRole> roles) => {|#1:roles.Max(r => r.Position) < 10|};
            }
            """,
            Expected(0, "highest >= 10", "policy 'senior-rank-only'"),
            Expected(1, "roles.Max(r => r.Position) < 10", "policy 'senior-rank-only'"));
    }

    [Fact]
    public async Task SearchOfACollectionWhosePolicyAsksOnlyEmptiness_IsNotReported()
    {
        await VerifyAsync("""
            using System.Linq;
            using Gateway;
            public static class Baskets
            {
                public static void Add(Basket basket, int catalogItemId)
                {
                    if (!basket.Items.Any(i => i.CatalogItemId == catalogItemId))
                    {
                        basket.Items.Add(new BasketItem { CatalogItemId = catalogItemId });
                    }
                }

                public static void Checkout(Basket basket)
                {
                    if ({|#0:!basket.Items.Any()|})
                    {
                        throw new System.InvalidOperationException("empty");
                    }
                }
            }
            """,
            Expected(0, "!basket.Items.Any()", "policy 'checkout-needs-items'"));
    }

    [Fact]
    public async Task CountNobodyCompares_IsNotReported()
    {
        await VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Gateway;
            public sealed class Stats
            {
                public int Published { get; set; }
                public int Drafts { get; set; }
            }

            public static class Dashboard
            {
                public static Stats Figures(List<Post> posts) => new Stats
                {
                    Published = posts.Count(p => p.Status == PostStatus.Published),
                    Drafts = posts.Where(p => p.Status == PostStatus.Draft).Count(),
                };

                public static int PageCount(IQueryable<Post> posts) => posts.Count(p => p.Status == PostStatus.Published) / 10;

                public static void Show(List<Post> posts, Stats stats) => stats.Published = posts.Count(p => p.Status == PostStatus.Published);
            }
            """);
    }

    [Fact]
    public async Task CountComparedWithALimit_IsReported()
    {
        await VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Gateway;
            public static class Limits
            {
                public static bool TooManyDrafts(List<Post> posts) => posts.Count(p => {|#0:p.Status != PostStatus.Published|}) > 5;

                public static void Publish(List<Post> posts)
                {
                    // Kept in a local first, the count is reported where it is compared, the place that decides
                    // (a course registration's `activeEnrollmentCount >= MAX_ENROLLMENTS_PER_SEMESTER`, sixteenth round).
                    var shown = posts.Where(p => p.Status == PostStatus.Published).Count();
                    if ({|#1:shown >= 100|})
                    {
                        throw new System.InvalidOperationException("full");
                    }
                }
            }
            """,
            Expected(0, "p.Status != PostStatus.Published", "policy 'published-only'"),
            Expected(1, "shown >= 100", "policy 'published-only'"));
    }

    [Fact]
    public async Task YearOrMonthOfAnOrderedDateMatched_IsNotReportedWhileTheWindowIs()
    {
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Gateway;
            public static class Archive
            {
                public static List<Post> Of(IEnumerable<Post> posts, int year, int month) =>
                    posts.Where(p => p.PublishedOn!.Value.Year == year && p.PublishedOn.Value.Month == month).ToList();

                public static bool CommentsOpen(Post post) => {|#0:post.PublishedOn >= DateTime.UtcNow.AddDays(-30)|};
            }
            """,
            Expected(0, "post.PublishedOn >= DateTime.UtcNow.AddDays(-30)", "policy 'comment-window'"));
    }

    [Fact]
    public async Task QueryExtensionFilteringByItsCallersBound_IsNotReportedWhileAFixedWindowIs()
    {
        // MoneyFox: `HasDateLargerEqualsThan(this IQueryable<Payment> query, DateTime date)` builds a filter for callers.
        await VerifyAsync("""
            using System;
            using System.Linq;
            using Gateway;
            public static class PostQueries
            {
                public static IQueryable<Post> PublishedSince(this IQueryable<Post> posts, DateTime since) =>
                    posts.Where(p => p.PublishedOn >= since);

                public static IQueryable<Post> Commentable(this IQueryable<Post> posts) =>
                    posts.Where(p => {|#0:p.PublishedOn >= DateTime.UtcNow.AddDays(-30)|});
            }
            """,
            Expected(0, "p.PublishedOn >= DateTime.UtcNow.AddDays(-30)", "policy 'comment-window'"));
    }

    [Fact]
    public async Task ChainOfConditionalAccesses_IsFollowedToItsStart()
    {
        // SimpleIdServer: `JsonObject.Parse(str)?["keys"]?.AsArray()` once sent the tracer round in circles.
        await VerifyAsync("""
            using Gateway;
            public static class Text
            {
                public static bool Blank(string? s)
                {
                    var trimmed = s?.Trim()?.ToString();
                    return trimmed == null;
                }

                public static bool NeedsClaims(Route? route) => {|#0:route?.ClaimsRequired?.Count > 0|};
            }
            """,
            Expected(0, "route?.ClaimsRequired?.Count > 0", "policy 'claims-required'"));
    }

    [Fact]
    public async Task ItemFoundByKeyInAGovernedCollection_IsAMembershipTestNotAKeyTest()
    {
        // SimpleIdServer: `!client.Scopes.Any(sc => sc.Name == s)` asks whether the client holds the scope; the scope's
        // name compared anywhere else is a lookup.
        await VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Gateway;
            public static class Scopes
            {
                public static Scope? Find(IEnumerable<Scope> all, string name) => all.FirstOrDefault(s => s.Name == name);

                public static bool IsOpenId(Scope scope, string openId) => scope.Name == openId;

                public static void Authorize(Client client, string requested)
                {
                    if ({|#0:!client.Scopes.Any(sc => sc.Name == requested)|})
                    {
                        throw new System.UnauthorizedAccessException(requested);
                    }
                }
            }
            """,
            Expected(0, "!client.Scopes.Any(sc => sc.Name == requested)", "policy 'client-scope-allowed'"));
    }

    [Fact]
    public async Task LookupByAGovernedIdentity_IsNotReportedWhileATestAgainstAConstantIs()
    {
        // Remotely: PA0006's fix marks `Device.ID`, which `settings.BannedDevices.Contains(d.ID)` reads, without
        // conditions; `x.ID == deviceId` still only finds a device.
        var domain = TestFramework.Net100.CompileReference("Remote.Domain", ["""
            using PolicyAudit;
            namespace Remote
            {
                public sealed class Device
                {
                    [GovernedBy("banned-device")]
                    public string ID { get; set; } = "";
                }
            }
            """]);

        await new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Linq;
                using Remote;
                public static class Devices
                {
                    public static Device? Find(IEnumerable<Device> all, string deviceId) => all.FirstOrDefault(x => x.ID == deviceId);

                    public static bool Other(Device a, Device b) => a.ID != b.ID;

                    public static bool IsTestDevice(Device device) => {|#0:device.ID == "test-device"|};
                }
                """,
            TestState = { AdditionalReferences = { domain } },
            ExpectedDiagnostics =
            {
                VerifyCS.Expected(0, "device.ID == \"test-device\"", "policy 'banned-device'"),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task SetOverlapOfAGovernedSet_IsAMembershipTest()
    {
        // ShokoServer: `user.GetHideCategories().Overlaps(anime.GetAllTagsSet())` hides restricted anime.
        await VerifyAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Gateway;
            public static class Library
            {
                public static List<Anime> Visible(Viewer viewer, IEnumerable<Anime> all) =>
                    all.Where({|#0:a => !viewer.HiddenTags.Overlaps(a.Tags)|}).ToList();

                public static int HiddenCount(Viewer viewer) => viewer.HiddenTags.Count;
            }
            """,
            Expected(0, "a => !viewer.HiddenTags.Overlaps(a.Tags)", "policy 'restricted-anime'"));
    }

    [Fact]
    public async Task SerializerHookComparingWithTheDefault_IsNotReported()
    {
        // ArchiSteamFarm: Json.NET's `ShouldSerialize<Member>()` convention leaves default settings out of the file.
        await VerifyAsync("""
            using Gateway;
            public sealed class RankSettings
            {
                public RankRole Role { get; set; } = new();

                public bool ShouldSerializeRole() => Role.Position != 10;

                public bool IsJunior() => {|#0:Role.Position < 10|};
            }
            """,
            Expected(0, "Role.Position < 10", "policy 'senior-rank-only'"));
    }
}
