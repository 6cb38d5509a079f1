using PcnPortal.Domain.Common;
using PcnPortal.Domain.OdFunds;

namespace PcnPortal.Domain.Tests.OdFunds;

/// <summary>#15.16: a decision takes effect only when the confirmed votes of members without an interest reach the quorum.</summary>
public class VoteConfirmationTests
{
    private static readonly PanelMember[] Panel = [new("P1", "Aled"), new("P2", "Bethan"), new("P3", "Carys"), new("P4", "Dafydd")];

    private static IReadOnlyList<ConflictResult> Conflicts(string? conflicted = null) => ConflictChecker.Excluded(
        Panel,
        conflicted is null ? [] : [new DeclaredInterest(conflicted, "U00001", "GP partner", new DateOnly(2019, 1, 1))],
        "U00001",
        new DateOnly(2021, 6, 1));

    [Theory]
    [InlineData("P1,P2,P3", "P1", null, 3, RuleSeverity.Warn, "1")] // only the recorder has confirmed
    [InlineData("P1,P2,P3", "P1,P2", null, 3, RuleSeverity.Warn, "2")]
    [InlineData("P1,P2,P3", "P1,P2,P3", null, 3, RuleSeverity.Pass, "3")]
    [InlineData("P1,P2", "P1,P3", null, 2, RuleSeverity.Warn, "1")] // P3 confirmed but was never named
    [InlineData("P1,P2", "P1,P2", "P2", 2, RuleSeverity.Warn, "1")] // P2 has since declared an interest: their vote no longer counts
    [InlineData("P1,P2", "P1,P2,P2", null, 2, RuleSeverity.Pass, "2")] // a repeated confirmation counts once
    [InlineData("P1,P9", "P1,P9", null, 2, RuleSeverity.Warn, "1")] // P9 is not on the panel
    [InlineData("P1", "P1", null, 1, RuleSeverity.Pass, "1")] // a quorum of one: the recorder's vote is enough
    public void Check_CountsConfirmedVotesOfNamedMembersWithoutAnInterest(string named, string confirmed, string? conflicted, int quorum, RuleSeverity severity, string counted)
    {
        var outcome = VoteConfirmation.Check(named.Split(','), confirmed.Split(','), Conflicts(conflicted), quorum);
        Assert.Equal(VoteConfirmation.Code, outcome.Code);
        Assert.Equal(severity, outcome.Severity);
        Assert.Equal(counted, outcome.Figures["Confirmed"]);
    }

    [Fact]
    public void Waiting_NamesWhoHasStillToConfirm()
    {
        var outcome = VoteConfirmation.Check(["P1", "P2", "P3"], ["P1"], Conflicts(), 3);
        Assert.Equal("1 of the 3 votes needed is confirmed; the decision takes effect when 2 more voters confirm their own vote (waiting for Bethan, Carys).", outcome.Explanation);
    }
}
