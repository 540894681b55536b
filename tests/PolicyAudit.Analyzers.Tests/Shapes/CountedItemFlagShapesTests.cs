using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on osu-server-spectator (docs/analyzer-evaluation.md, seventh round): a limit on how many items a user
/// has queued counts only the items that have not been played (<c>Count(i =&gt; i.OwnerID == u.UserID &amp;&amp; !i.Expired) &gt;= 3</c>).
/// The flag says what is counted; the count is the policy's test, and every other use of the flag is not.
/// </summary>
public sealed class CountedItemFlagShapesTests
{
    private const string Domain = """
        using System.Collections.Generic;
        namespace Rooms
        {
            public sealed class Player
            {
                public int Id { get; set; }
            }

            public sealed class QueueItem
            {
                public int OwnerID { get; set; }
                public bool Expired { get; set; }
            }

            public sealed class Room
            {
                public List<QueueItem> Playlist { get; set; } = new();
            }
        }
        """;

    private const string Policies = """
        using System.Linq;
        using PolicyAudit;
        using Rooms;
        namespace Rooms.Policies
        {
            [Policy("queue-item-limit")]
            public sealed class QueueItemLimit : Policy
            {
                public override void Define()
                {
                    Room room = null!;
                    Player player = null!;
                    When().Match(() => player).Match(() => room, r => r.Playlist.Count(i => i.OwnerID == player.Id && !i.Expired) >= 3);
                    Then().Deny("At most three items in the queue per player.");
                }
            }
        }
        """;

    [Fact]
    public async Task FlagCountedTowardALimit_IsNotReportedWhereItOnlyListsItems()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using Rooms;
            public static class Queue
            {
                public static List<QueueItem> Upcoming(Room room) => room.Playlist.Where(item => !item.Expired).ToList();

                public static QueueItem? Current(Room room)
                {
                    foreach (var item in room.Playlist)
                    {
                        if (item.Expired)
                        {
                            continue;
                        }

                        return item;
                    }

                    return null;
                }
            }
            """,
            [Domain, Policies]);
    }
}
