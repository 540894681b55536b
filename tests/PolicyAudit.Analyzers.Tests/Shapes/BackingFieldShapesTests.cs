using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a fantasy-football app (docs/analyzer-evaluation.md, fifteenth round): the team hands out its squad as
/// <c>public IReadOnlyCollection&lt;TeamPlayer&gt; Players =&gt; _players.AsReadOnly();</c>, a policy counts
/// <c>t.Players</c>, and the team's own methods count the private field (<c>if (_players.Count == 11) throw ..</c>). The
/// field a governed property hands out, as it is or as a read-only copy, is that property's value; a field no governed
/// property hands out is not.
/// </summary>
public sealed class BackingFieldShapesTests
{
    private const string Policies = """
        using PolicyAudit;
        using Fantasy;
        namespace Fantasy.Policies
        {
            [Policy("team-full")]
            public sealed class TeamFull : Policy
            {
                public override void Define()
                {
                    Team team = null!;
                    When().Match(() => team, t => t.Players.Count >= 11);
                    Then().Deny("A team has eleven players.");
                }
            }
        }
        """;

    [Fact]
    public async Task PrivateFieldTheGovernedPropertyHandsOut_IsReportedWhileAnotherFieldIsNot()
    {
        await VerifyCS.VerifyBesideAsync("""
            using System;
            using System.Collections.Generic;
            namespace Fantasy
            {
                public sealed class Team
                {
                    private readonly List<int> _players = new();
                    private readonly List<int> _substitutes = new();

                    public IReadOnlyCollection<int> Players => _players.AsReadOnly();
                    public IReadOnlyCollection<int> Substitutes => _substitutes.AsReadOnly();

                    public void AddPlayer(int playerId)
                    {
                        if ([|_players.Count >= 11|])
                            throw new InvalidOperationException("The team is full.");

                        _players.Add(playerId);
                    }

                    public void AddSubstitute(int playerId)
                    {
                        if (_substitutes.Count >= 11)
                            throw new InvalidOperationException("The bench is full.");

                        _substitutes.Add(playerId);
                    }
                }
            }
            """,
            [Policies]);
    }
}
