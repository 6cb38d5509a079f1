using PcnPortal.Domain.Common;
using PcnPortal.Domain.OdFunds;

namespace PcnPortal.Domain.Tests.OdFunds;

/// <summary>A fund opens only when its panel can reach the quorum for every PCN with a share.</summary>
public class PanelQuorumTests
{
    private static readonly PanelQuorum.Pcn North = new("U00001", "North Bristol PCN", ["L81001"]);
    private static readonly PanelQuorum.Pcn South = new("U00002", "South Bristol PCN", ["L81002"]);
    private static readonly DateOnly Today = new(2021, 10, 1);

    private static PanelMember[] Panel(int count) => [.. Enumerable.Range(1, count).Select(i => new PanelMember($"P{i}", $"Member {i}"))];

    [Theory]
    [InlineData(3, "", 3, RuleSeverity.Pass)] // three members, no interests, quorum 3
    [InlineData(2, "", 3, RuleSeverity.Fail)] // too few members for anyone
    [InlineData(4, "P1:U00001", 3, RuleSeverity.Pass)] // one conflicted on North: 3 left
    [InlineData(3, "P1:U00001", 3, RuleSeverity.Fail)] // one conflicted on North: 2 left
    [InlineData(3, "P1:L81002", 3, RuleSeverity.Fail)] // an interest in a member practice counts too
    [InlineData(4, "P1:U00001,P2:U00002", 3, RuleSeverity.Pass)] // different PCNs: 3 left for each
    [InlineData(4, "P1:U00001,P2:U00001", 3, RuleSeverity.Fail)]
    [InlineData(1, "", 1, RuleSeverity.Pass)]
    public void Check_EveryPcnNeedsQuorumMembersWithoutAnInterest(int members, string interests, int quorum, RuleSeverity expected)
    {
        var register = interests.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(i => i.Split(':'))
            .Select(p => new DeclaredInterest(p[0], p[1], "GP partner", new DateOnly(2019, 1, 1)))
            .ToList();

        var outcome = PanelQuorum.Check(Panel(members), register, [North, South], Today, quorum);

        Assert.Equal(PanelQuorum.Code, outcome.Code);
        Assert.Equal(expected, outcome.Severity);
    }

    [Fact]
    public void Fail_NamesThePcnAndHowManyCouldVote()
    {
        var outcome = PanelQuorum.Check(Panel(3), [new DeclaredInterest("P1", "U00002", "Clinical director", new DateOnly(2019, 1, 1))], [North, South], Today, 3);
        Assert.Equal(
            "The panel cannot reach its quorum of 3 for South Bristol PCN (U00002): 2 members have no declared interest. Add panel members without an interest in these PCNs before opening the fund.",
            outcome.Explanation);
    }
}
