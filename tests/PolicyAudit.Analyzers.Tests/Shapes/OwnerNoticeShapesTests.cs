using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a social app (docs/analyzer-evaluation.md, ninth round): the author's key matched with the actor's to
/// notify the author of someone else's like or comment (the branch passes the author's key on), or to spare actors a
/// notice about their own doing, allows or refuses nothing. The same match refusing an edit is the policy's check,
/// also when the refusal's details carry the key.
/// </summary>
public sealed class OwnerNoticeShapesTests
{
    private const string Domain = """
        namespace Social
        {
            public sealed class Account { public int Id { get; set; } }

            public sealed class Post
            {
                public int Id { get; set; }
                public int UserId { get; set; }
                public string Content { get; set; } = "";
            }
        }
        """;

    private const string Policies = """
        using PolicyAudit;
        using Social;
        namespace Social.Policies
        {
            [Policy("only-author-edits")]
            public sealed class OnlyAuthorEdits : Policy
            {
                public override void Define()
                {
                    Post post = null!;
                    Account account = null!;
                    When().Match(() => post).Match(() => account, a => a.Id != post.UserId);
                    Then().Deny("Only the author may change a post.");
                }
            }
        }
        """;

    private static Task VerifyAsync(string markup, params DiagnosticResult[] expected) => VerifyCS.VerifyBesideAsync(markup, [Domain, Policies], expected);

    [Fact]
    public async Task AuthorMatchedToNotifyTheAuthor_IsNotReported()
    {
        await VerifyAsync("""
            using System.Threading.Tasks;
            using Social;
            public interface INotifier { Task LikedAsync(int recipientId, int postId, int actorId); }
            public static class Likes
            {
                public static async Task LikeAsync(Post post, int userId, INotifier notifier)
                {
                    if (post.UserId != userId)
                    {
                        await notifier.LikedAsync(post.UserId, post.Id, userId);
                    }
                }
            }

            public sealed class NotificationService
            {
                public void CommentNotice(int userId, Post comment)
                {
                    if (userId == comment.UserId)
                    {
                        return;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task AuthorMatchedToRefuseAnEdit_IsReported()
    {
        await VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using Social;
            public sealed class DomainException : Exception
            {
                public DomainException(string message, Dictionary<string, object> details) : base(message) { }
            }

            public static class Posts
            {
                public static void Edit(Post post, int userId, string content)
                {
                    if ({|#0:post.UserId != userId|})
                    {
                        throw new DomainException("Only the author may edit.", new Dictionary<string, object> { { "AuthorId", post.UserId } });
                    }

                    post.Content = content;
                }
            }
            """,
            VerifyCS.Expected(0, "post.UserId != userId", "policy 'only-author-edits'"));
    }
}
