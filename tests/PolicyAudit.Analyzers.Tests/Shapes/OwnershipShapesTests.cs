using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on auctionhouse, Paysky, JabbR and Bonobo (docs/analyzer-evaluation.md, sixth round): policies that match a
/// key of one fact with an actor of another (only the owner, not on one's own auction, only one's own bank). The key is
/// governed for that match, so the code's comparisons of it with the signed-in user are the policy's checks; queries
/// that list an actor's rows, and joins that only pair facts up for another test, stay silent.
/// </summary>
public sealed class OwnershipShapesTests
{
    private const string Domain = """
        using System;
        namespace Auctions
        {
            public sealed class User
            {
                public Guid Id { get; set; }
                public string Name { get; set; } = "";
            }

            public sealed class Auction
            {
                public Guid Id { get; set; }
                public Guid OwnerId { get; set; }
                public Guid SellerId { get; set; }
                public bool Closed { get; set; }
            }

            public sealed class Bid
            {
                public Guid BidderId { get; set; }
                public decimal Amount { get; set; }
            }

            public sealed class Room
            {
                public User? Creator { get; set; }
                public User? Moderator { get; set; }
                public string Topic { get; set; } = "";
            }

            public sealed class Teller
            {
                public int BankId { get; set; }
            }

            public sealed class BankAccount
            {
                public int BankId { get; set; }
            }

            public enum AccountType { User, Planet }

            public sealed class EcoAccount
            {
                public AccountType AccountType { get; set; }
                public Guid UserId { get; set; }
            }

            public sealed class AuthToken
            {
                public Guid UserId { get; set; }
            }

            public sealed class UserDto
            {
                public string Id { get; set; } = "";
            }

            public sealed class LeaveRequest
            {
                public UserDto CreatedBy { get; set; } = new();
                public UserDto AssignedTo { get; set; } = new();

                public bool SelfAssigned() => CreatedBy.Id == AssignedTo.Id;
            }

            public sealed class RoomUser
            {
                public int UserID { get; set; }
            }

            public sealed class Listing
            {
                public int OwnerID { get; set; }
            }

            public sealed class Product
            {
                public Guid Id { get; set; }
                public int Stock { get; set; }
            }

            public sealed class OrderLine
            {
                public Guid ProductId { get; set; }
                public int Quantity { get; set; }
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Auctions;
        namespace Auctions.Policies
        {
            [Policy("owner-edits")]
            public sealed class OwnerEdits : Policy
            {
                public override void Define()
                {
                    Auction auction = null!;
                    User user = null!;
                    When().Match(() => auction).Match(() => user, u => u.Id != auction.OwnerId);
                    Then().Deny("Only the owner may edit an auction.");
                }
            }

            [Policy("no-self-bidding")]
            public sealed class NoSelfBidding : Policy
            {
                public override void Define()
                {
                    Auction auction = null!;
                    Bid bid = null!;
                    When().Match(() => auction).Match(() => bid, b => b.BidderId == auction.SellerId);
                    Then().Deny("Sellers may not bid on their own auctions.");
                }
            }

            [Policy("room-creator")]
            public sealed class RoomCreator : Policy
            {
                public override void Define()
                {
                    Room room = null!;
                    User user = null!;
                    When().Match(() => user).Match(() => room, r => !user.Equals(r.Creator), r => r.Topic != "lobby");
                    Then().Deny("Only the room's creator may change its topic.");
                }
            }

            [Policy("room-moderator")]
            public sealed class RoomModerator : Policy
            {
                public override void Define()
                {
                    Room room = null!;
                    User user = null!;
                    When().Match(() => user).Match(() => room, r => r.Moderator != user);
                    Then().Deny("Only the room's moderator may pin messages.");
                }
            }

            [Policy("own-bank")]
            public sealed class OwnBank : Policy
            {
                public override void Define()
                {
                    Teller teller = null!;
                    BankAccount account = null!;
                    When().Match(() => teller).Match(() => account, a => a.BankId != teller.BankId);
                    Then().Deny("Tellers serve their own bank's accounts.");
                }
            }

            [Policy("item-owner")]
            public sealed class ItemOwner : Policy
            {
                public override void Define()
                {
                    Listing listing = null!;
                    RoomUser user = null!;
                    When().Match(() => listing).Match(() => user, u => u.UserID != listing.OwnerID);
                    Then().Deny("Only the listing's owner may remove it.");
                }
            }

            [Policy("personal-account-owner")]
            public sealed class PersonalAccountOwner : Policy
            {
                public override void Define()
                {
                    EcoAccount account = null!;
                    AuthToken caller = null!;
                    When().Match(() => account, a => a.AccountType == AccountType.User)
                          .Match(() => caller, t => t.UserId != account.UserId);
                    Then().Deny("This personal account belongs to another user.");
                }
            }

            [Policy("leave-cancel-own-only")]
            public sealed class LeaveCancelOwnOnly : Policy
            {
                public override void Define()
                {
                    LeaveRequest request = null!;
                    UserDto canceledBy = null!;
                    When().Match(() => request)
                          .Match(() => canceledBy, u => !string.Equals(u.Id, request.CreatedBy.Id, System.StringComparison.OrdinalIgnoreCase));
                    Then().Deny("Only the creator of a leave request may cancel it.");
                }
            }

            [Policy("in-stock")]
            public sealed class InStock : Policy
            {
                public override void Define()
                {
                    OrderLine line = null!;
                    Product product = null!;
                    When().Match(() => line).Match(() => product, p => p.Id == line.ProductId && p.Stock < line.Quantity);
                    Then().Deny("Not enough stock.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task OwnerKeyComparedWithTheSignedInUser_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Auctions;
            public static class AuctionService
            {
                public static void Rename(Auction auction, Guid currentUserId, string title)
                {
                    if ({|#0:auction.OwnerId != currentUserId|})
                    {
                        throw new UnauthorizedAccessException();
                    }
                }

                public static bool CanEdit(Auction auction, User user) => {|#1:auction.OwnerId == user.Id|};
            }
            """,
            VerifyCS.Expected(0, "auction.OwnerId != currentUserId", "policy 'owner-edits'"),
            VerifyCS.Expected(1, "auction.OwnerId == user.Id", "policy 'owner-edits'"));
    }

    [Fact]
    public async Task OwnerKeyInAQueryOrAnIdentityLookup_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Auctions;
            public static class MyAuctions
            {
                public static List<Auction> Of(IQueryable<Auction> auctions, Guid userId) =>
                    auctions.Where(a => a.OwnerId == userId).ToList();

                public static Auction Find(IEnumerable<Auction> auctions, Guid id) => auctions.First(a => a.Id == id);

                public static bool HasOwner(Auction auction) => auction.OwnerId != Guid.Empty;

                public static string Label(Auction auction, Guid currentUserId) => auction.OwnerId != currentUserId ? "on behalf of" : "own";
            }
            """);
    }

    [Fact]
    public async Task ActorKeyEqualityAsTheWholeCondition_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Auctions;
            public static class Bidding
            {
                public static void Place(Auction auction, Bid bid)
                {
                    if ({|#0:bid.BidderId == auction.SellerId|})
                    {
                        throw new InvalidOperationException("own auction");
                    }
                }
            }
            """,
            VerifyCS.Expected(0, "bid.BidderId == auction.SellerId", "policy 'no-self-bidding'"));
    }

    [Fact]
    public async Task NavigationComparedWithTheActor_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Auctions;
            public static class Rooms
            {
                public static void SetTopic(Room room, User caller, string topic)
                {
                    if ({|#0:room.Creator != caller|})
                    {
                        throw new InvalidOperationException("not yours");
                    }

                    room.Topic = topic;
                }

                public static bool MayPin(Room room, User caller) => {|#1:room.Moderator == caller|};
            }
            """,
            VerifyCS.Expected(0, "room.Creator != caller", "policy 'room-creator'"),
            VerifyCS.Expected(1, "room.Moderator == caller", "policy 'room-moderator'"));
    }

    [Fact]
    public async Task NavigationsKeyComparedWithTheActorsKey_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Auctions;
            public static class RoomAdmin
            {
                public static void Close(Room room, Guid userId)
                {
                    if ({|#0:room.Creator?.Id != userId|})
                    {
                        throw new InvalidOperationException("not yours");
                    }
                }

                public static bool IsCreator(Room room, User user) => {|#1:room.Creator!.Id == user.Id|};

                public static bool SameName(Room room, User user) => room.Creator!.Name == user.Name;
            }
            """,
            VerifyCS.Expected(0, "room.Creator?.Id != userId", "policy 'room-creator'"),
            VerifyCS.Expected(1, "room.Creator!.Id == user.Id", "policy 'room-creator'"));
    }

    [Fact]
    public async Task SameKeyOfTwoFactsThatMustDiffer_IsReported()
    {
        await VerifyAsync("""
            using System;
            using Auctions;
            public static class Counter
            {
                public static void Withdraw(Teller teller, BankAccount account)
                {
                    if ({|#0:account.BankId != teller.BankId|})
                    {
                        throw new UnauthorizedAccessException();
                    }
                }
            }
            """,
            VerifyCS.Expected(0, "account.BankId != teller.BankId", "policy 'own-bank'"));
    }

    [Fact]
    public async Task JoinThatOnlyPairsFactsForAnotherTest_IsNotReported()
    {
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using Auctions;
            public static class Cart
            {
                public static void Merge(List<OrderLine> lines, OrderLine added)
                {
                    foreach (var line in lines)
                    {
                        if (line.ProductId == added.ProductId)
                        {
                            line.Quantity += added.Quantity;
                            return;
                        }
                    }

                    lines.Add(added);
                }

                public static bool Matches(OrderLine line, Product product) => line.ProductId == product.Id;
            }
            """);
    }

    [Fact]
    public async Task ActorsOwnKey_IsNotGovernedButTheOwnedThingsKeyIs()
    {
        await VerifyAsync("""
            using System;
            using Auctions;
            public static class Listings
            {
                public static void Remove(Listing listing, RoomUser user)
                {
                    if ({|#0:listing.OwnerID != user.UserID|})
                    {
                        throw new InvalidOperationException("not yours");
                    }
                }

                public static bool IsActive(RoomUser user, int activeUserId) => user.UserID == activeUserId;
            }
            """,
            VerifyCS.Expected(0, "listing.OwnerID != user.UserID", "policy 'item-owner'"));
    }

    [Fact]
    public async Task StateScopingAnOwnershipMatch_IsNotReportedAloneButTheMatchIs()
    {
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Auctions;
            public static class Accounts
            {
                public static List<EcoAccount> Personal(IQueryable<EcoAccount> accounts) =>
                    accounts.Where(x => x.AccountType == AccountType.User).ToList();

                public static void Send(EcoAccount account, AuthToken token)
                {
                    if (account.AccountType == AccountType.User && {|#0:account.UserId != token.UserId|})
                    {
                        throw new UnauthorizedAccessException();
                    }
                }
            }
            """,
            VerifyCS.Expected(0, "account.UserId != token.UserId", "policy 'personal-account-owner'"));
    }

    [Fact]
    public async Task KeyOfAGovernedNavigationInStringEquals_IsReportedAndTheIdentityIsNotGoverned()
    {
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Auctions;
            public static class Leaves
            {
                public static void Cancel(LeaveRequest request, UserDto canceledBy)
                {
                    if (!{|#0:string.Equals(request.CreatedBy.Id, canceledBy.Id, StringComparison.OrdinalIgnoreCase)|})
                    {
                        throw new UnauthorizedAccessException();
                    }
                }

                public static UserDto Find(IEnumerable<UserDto> users, UserDto wanted) => users.First(u => string.Equals(u.Id, wanted.Id));

                public static bool ForSomeoneElse(LeaveRequest request) => request.AssignedTo.Id != request.CreatedBy.Id;
            }

            public sealed class CancelRule
            {
                private readonly string _userId;
                private readonly LeaveRequest _request;

                public CancelRule(string userId, LeaveRequest request)
                {
                    _userId = userId;
                    _request = request;
                }

                public bool IsBroken() => {|#1:_userId != _request.CreatedBy.Id|};
            }
            """,
            VerifyCS.Expected(0, "string.Equals(request.CreatedBy.Id, canceledBy.Id, StringComparison.OrdinalIgnoreCase)", "policy 'leave-cancel-own-only'"),
            VerifyCS.Expected(1, "_userId != _request.CreatedBy.Id", "policy 'leave-cancel-own-only'"));
    }

    [Fact]
    public async Task SameKeyOnTheEntitysReadModel_IsReportedButNotOnAnUnrelatedType()
    {
        // Bookify, EasyWork: `booking.UserId != _userContext.UserId` on a `BookingResponse` a query filled, `model.SenderId
        // != userId` on a `MessageModel` a mapper filled.
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Auctions;
            public sealed class AuctionResponse
            {
                public Guid OwnerId { get; set; }
            }

            public sealed class Wallet
            {
                public Guid OwnerId { get; set; }
            }

            public static class Queries
            {
                public static AuctionResponse Get(AuctionResponse auction, Guid currentUserId)
                {
                    if ({|#0:auction.OwnerId != currentUserId|})
                    {
                        throw new UnauthorizedAccessException();
                    }

                    return auction;
                }

                public static bool Mine(Wallet wallet, Guid currentUserId) => wallet.OwnerId == currentUserId;

                public static List<AuctionResponse> Of(IEnumerable<AuctionResponse> all, Guid userId) => all.Where(a => a.OwnerId == userId).ToList();
            }
            """,
            VerifyCS.Expected(0, "auction.OwnerId != currentUserId", "policy 'owner-edits'"));
    }
}
