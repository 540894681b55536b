using PolicyAudit.Analyzers.Tests.Verifiers;
using VerifyCS = PolicyAudit.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PolicyAudit.Analyzers.HardCodedPolicyCheckAnalyzer>;

namespace PolicyAudit.Analyzers.Tests.Shapes;

/// <summary>
/// Measured on a tournament platform (docs/analyzer-evaluation.md, seventeenth round): validation helpers count what a
/// repository returned and compare the count with a limit parameter whose default is the policy's number
/// (<c>ValidateMinimumPlayersAsync(Guid teamId, int minPlayers = 5) { .. if (players.Count() &lt; minPlayers) throw ..; }</c>).
/// Items named after the collection a policy counts, ordered against the policy's number (written in place or as the
/// parameter's default), are that policy's check; another number, or items named otherwise, are not.
/// </summary>
public sealed class CountTwinShapesTests
{
    private const string Domain = """
        using System.Collections.Generic;
        namespace League
        {
            public sealed class Player { }
            public sealed class Registration { }
            public sealed class Team
            {
                public List<Player> Players { get; set; } = new();
            }
            public sealed class Tournament
            {
                public List<Registration> Registrations { get; set; } = new();
            }
        }
        """;

    private const string Policies = """
        using League;
        using PolicyAudit;

        [Policy("minimum-squad")]
        public sealed class MinimumSquad : Policy
        {
            public override void Define()
            {
                Team team = null!;
                When().Match(() => team, t => t.Players.Count < 5);
                Then().Deny("A team needs five players.");
            }
        }

        [Policy("registration-limit")]
        public sealed class RegistrationLimit : Policy
        {
            public override void Define()
            {
                Tournament tournament = null!;
                When().Match(() => tournament, t => t.Registrations.Count >= 32);
                Then().Deny("At most 32 registrations.");
            }
        }
        """;

    private const string App = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using League;

        public interface IRoster
        {
            IEnumerable<Player> PlayersOf(Guid teamId);
            List<Registration> RegistrationsOf(Guid tournamentId);
        }

        public sealed class TeamValidation
        {
            private readonly IRoster _roster;

            public TeamValidation(IRoster roster) => _roster = roster;

            public void ValidateMinimumPlayers(Guid teamId, int minPlayers = 5)
            {
                var players = _roster.PlayersOf(teamId);
                if ([|players.Count() < minPlayers|]) throw new InvalidOperationException("Too few players.");
            }

            public void ValidateRegistrations(Guid tournamentId, int maxRegistrations = 32)
            {
                var registrations = _roster.RegistrationsOf(tournamentId);
                if ({|#0:registrations.Count >= maxRegistrations|}) throw new InvalidOperationException("Tournament full.");
            }

            public void ValidateSubstitutes(Guid teamId, int minPlayers = 3)
            {
                var players = _roster.PlayersOf(teamId);
                if (players.Count() < minPlayers) throw new InvalidOperationException("Too few substitutes.");
            }

            public void ValidateFixtures(Guid teamId)
            {
                var fixtures = _roster.PlayersOf(teamId);
                if (fixtures.Count() < 5) throw new InvalidOperationException("Too few fixtures.");
            }
        }
        """;

    [Fact]
    public async Task CountOfItemsNamedAfterTheCountedCollection_AgainstThePolicysNumberOrADefault_IsReported()
    {
        var framework = TestFramework.Net100;
        var domain = framework.CompileReference("League.Domain", [Domain]);
        var policies = framework.CompileReference("League.Policies", [Policies], [domain]);

        await new VerifyCS.Test
        {
            TestCode = App,
            TestState = { AdditionalReferences = { domain, policies } },
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithArguments("registrations.Count >= maxRegistrations", "policy 'registration-limit'"),
            },
        }.RunAsync();
    }
}
