using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on an auction marketplace (docs/analyzer-evaluation.md, eighth round): its repository takes database
/// predicates (<c>GetListAsync(predicate: x =&gt; x.LotId == lot.Id &amp;&amp; !x.BidRemoved)</c>) and its users are found with a
/// soft-delete flag beside the key (<c>FirstOrDefaultAsync(u =&gt; u.Email == email &amp;&amp; !u.IsDeleted)</c>): a flag or state
/// beside a key matched to a value scopes a lookup, and a key matched with the actor in such a predicate lists the
/// actor's rows. A predicate that answers (<c>AnyAsync</c>) stays reported, and a string state written through its enum
/// (<c>AuctionStatus.Sold.ToString()</c>) is that state's constant. So does a lookup whose found row is only tested for
/// presence (an academic library's <c>FirstOrDefault(l =&gt; l.BookId == book.Id &amp;&amp; l.Status == Borrowed)</c>, then
/// <c>if (loanExist != null) return false</c>, thirty-first round): it asks whether any row matches. A row looked up by its
/// own id only in a governed state, and refused when missing (a workshop booker's
/// <c>FirstOrDefaultAsync(s =&gt; s.Id == request.ServiceId &amp;&amp; s.IsActive)</c>, then <c>if (service == null) throw ..</c>,
/// sixteenth round), is the action's condition: "not found or inactive".
/// </summary>
public sealed class DatabasePredicateShapesTests
{
    private const string Domain = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Linq.Expressions;
        using System.Threading.Tasks;

        namespace Auctions
        {
            public enum AuctionStatus { Draft, Active, Sold, Cancelled }

            public sealed class User
            {
                public int Id { get; set; }
                public string Email { get; set; } = "";
                public bool IsDeleted { get; set; }
            }

            public sealed class Lot
            {
                public int Id { get; set; }
                public int SellerId { get; set; }
                public string StatusName { get; set; } = "";
            }

            public sealed class Bid
            {
                public int LotId { get; set; }
                public int BuyerId { get; set; }
                public bool BidRemoved { get; set; }
            }

            public interface IRepository<T>
            {
                Task<List<T>> GetListAsync(Expression<Func<T, bool>> predicate);
                Task<T?> GetAsync(Expression<Func<T, bool>> predicate);
                Task<bool> AnyAsync(Expression<Func<T, bool>> predicate);
            }

            public interface IStore<T>
            {
                IEnumerable<T> ReadAll(Func<T, bool>? filter = null);
            }
        }
        """;

    private const string Policies = """
        using System.Linq;
        using PolicyAudit;
        using Auctions;

        namespace Auctions.Policies
        {
            [Policy("deleted-accounts-bid-nothing")]
            public sealed class DeletedAccountsBidNothing : Policy
            {
                public override void Define()
                {
                    User user = null!;
                    When().Match(() => user, u => u.IsDeleted);
                    Then().Deny("A deleted account cannot bid.");
                }
            }

            [Policy("withdraw-once")]
            public sealed class WithdrawOnce : Policy
            {
                public override void Define()
                {
                    Bid bid = null!;
                    When().Match(() => bid, b => b.BidRemoved);
                    Then().Deny("This bid was withdrawn already.");
                }
            }

            [Policy("no-self-bidding")]
            public sealed class NoSelfBidding : Policy
            {
                public override void Define()
                {
                    Bid bid = null!;
                    Lot lot = null!;
                    When().Match(() => bid).Match(() => lot, l => l.Id == bid.LotId, l => l.SellerId == bid.BuyerId);
                    Then().Deny("Sellers do not bid on their own lots.");
                }
            }

            [Policy("rate-after-sale")]
            public sealed class RateAfterSale : Policy
            {
                public override void Define()
                {
                    Lot lot = null!;
                    When().Match(() => lot, l => l.StatusName != "Sold");
                    Then().Deny("Rate a seller once the lot is sold.");
                }
            }
        }
        """;

    [Fact]
    public async Task FlagBesideAKeyOrActorKeyInALookup_IsNotReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System.Linq;
            using System.Threading.Tasks;
            using Auctions;
            public sealed class Bidding(IRepository<User> users, IRepository<Bid> bids, IRepository<Lot> lots)
            {
                public async Task<int> History(string email, Lot lot)
                {
                    var user = await users.GetAsync(u => u.Email == email && !u.IsDeleted);
                    var active = await bids.GetListAsync(x => x.LotId == lot.Id && !x.BidRemoved);
                    var mine = await lots.GetListAsync(x => x.SellerId == user!.Id);
                    return active.Count + mine.Count;
                }

                public static bool Unsold(Lot lot) => lot.StatusName == AuctionStatus.Draft.ToString();
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task AnswerFromThePredicateOrTheEnumNamedState_IsReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System.Threading.Tasks;
            using Auctions;
            public sealed class Bidding(IRepository<Bid> bids)
            {
                public Task<bool> Withdrawn(int lotId, int buyerId) =>
                    bids.AnyAsync(x => x.LotId == lotId && x.BuyerId == buyerId && [|x.BidRemoved|]);

                public static bool Rateable(Lot lot) => [|lot.StatusName == AuctionStatus.Sold.ToString()|];
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task LookupWhoseRowIsOnlyTestedForPresence_IsReported()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System.Threading.Tasks;
            using Auctions;
            public sealed class Bidding(IRepository<Bid> bids)
            {
                public async Task<bool> CanBid(int lotId, int buyerId)
                {
                    var withdrawn = await bids.GetAsync(x => x.LotId == lotId && x.BuyerId == buyerId && [|x.BidRemoved|]);
                    if (withdrawn != null)
                    {
                        return false;
                    }

                    return true;
                }

                public async Task<int> Removed(int lotId, int buyerId)
                {
                    var found = await bids.GetAsync(x => x.LotId == lotId && x.BuyerId == buyerId && x.BidRemoved);
                    return found == null ? 0 : found.LotId;
                }
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task LookupByTheRowsOwnIdRefusedWhenMissing_IsReportedButNotWhenReturned()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System;
            using System.Threading.Tasks;
            using Auctions;
            public sealed class Accounts(IRepository<User> users)
            {
                public async Task<string> Bid(int userId)
                {
                    var user = await users.GetAsync(u => u.Id == userId && [|!u.IsDeleted|]);
                    if (user == null)
                    {
                        throw new InvalidOperationException("User not found or deleted.");
                    }

                    return user.Email;
                }

                public Task<User?> Find(int userId) => users.GetAsync(u => u.Id == userId && !u.IsDeleted);
            }
            """,
            [Domain, Policies]);
    }

    [Fact]
    public async Task PredicateOfTheProjectsOwnStore_ScopesALookupUnlessTheQueryAnswers()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System;
            using System.Linq;
            using Auctions;
            public sealed class Bidding(IStore<Bid> store)
            {
                public int Current(int lotId)
                {
                    var active = store.ReadAll(x => x.LotId == lotId && !x.BidRemoved).FirstOrDefault();
                    return active?.BuyerId ?? 0;
                }

                public void Bid(int lotId)
                {
                    if (store.ReadAll(x => x.LotId == lotId && [|x.BidRemoved|]).Any())
                        throw new InvalidOperationException("withdrawn");
                }
            }
            """,
            [Domain, Policies]);
    }
}
