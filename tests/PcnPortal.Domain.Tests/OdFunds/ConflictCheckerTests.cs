using PcnPortal.Domain.Common;
using PcnPortal.Domain.OdFunds;

namespace PcnPortal.Domain.Tests.OdFunds;

public class ConflictCheckerTests
{
    private static readonly PanelMember AreaDirector = new("P1", "Area Director");
    private static readonly PanelMember HeadOfLocality = new("P2", "Head of Locality");
    private static readonly PanelMember ClinicalLead = new("P3", "Clinical lead");
    private static readonly PanelMember HeadOfPcd = new("P4", "Head of Primary Care Development");
    private static readonly PanelMember[] Panel = [AreaDirector, HeadOfLocality, ClinicalLead, HeadOfPcd];

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2021-03-31", false)] // day before From
    [InlineData("2021-04-01", true)] // From (inclusive)
    [InlineData("2022-03-31", true)] // To (inclusive)
    [InlineData("2022-04-01", false)] // day after To
    public void Interest_DateRangeInclusive(string decisionDate, bool excluded)
    {
        var interests = new[] { new DeclaredInterest("P3", "U00001", "GP partner at a member practice", D("2021-04-01"), D("2022-03-31")) };
        var results = ConflictChecker.Excluded(Panel, interests, "U00001", D(decisionDate));
        Assert.Equal(excluded, results.Single(r => r.Member == ClinicalLead).Excluded);
        Assert.All(results.Where(r => r.Member != ClinicalLead), r => Assert.False(r.Excluded));
    }

    [Fact]
    public void OpenEndedInterest_AppliesAfterFrom_AndReasonQuotesIt()
    {
        var interests = new[] { new DeclaredInterest("P2", "u00001", "Spouse is PCN manager", D("2019-07-01")) };
        var result = ConflictChecker.Excluded(Panel, interests, " U00001", D("2030-01-01")).Single(r => r.Member == HeadOfLocality);
        Assert.True(result.Excluded);
        Assert.Equal("Excluded: Spouse is PCN manager (u00001), declared from 1 July 2019 to no end date.", result.Reason);
        Assert.Single(result.Interests);
    }

    [Fact]
    public void InterestInOtherPcn_DoesNotExclude_ButMemberPracticeDoes()
    {
        var interests = new[]
        {
            new DeclaredInterest("P1", "U00002", "Clinical director", D("2019-07-01")),
            new DeclaredInterest("P4", "L81001", "Salaried GP", D("2019-07-01")),
        };
        var results = ConflictChecker.Excluded(Panel, interests, "U00001", D("2021-06-01"), relatedOrganisationCodes: ["L81001", "L81002"]);
        Assert.False(results.Single(r => r.Member == AreaDirector).Excluded);
        Assert.True(results.Single(r => r.Member == HeadOfPcd).Excluded);
    }

    private static IReadOnlyList<ConflictResult> ConflictsWithP3() =>
        ConflictChecker.Excluded(Panel, [new DeclaredInterest("P3", "U00001", "GP partner", D("2019-01-01"))], "U00001", D("2021-06-01"));

    private static PanelDecision Decision(PanelDecisionOutcome outcome = PanelDecisionOutcome.Approved, string[]? voters = null, string? reasons = null, string? conditions = null, decimal? amount = 26_400m) =>
        new("U00001", D("2021-06-01"), outcome, voters ?? ["P1", "P2", "P4"], reasons, conditions, amount);

    [Theory]
    [InlineData(new[] { "P1", "P2", "P4" }, 3, RuleSeverity.Pass)]
    [InlineData(new[] { "P1", "P2" }, 3, RuleSeverity.Fail)]
    [InlineData(new[] { "P1", "P2", "P3" }, 3, RuleSeverity.Fail)] // P3 is conflicted: only 2 count
    [InlineData(new[] { "P1", "P1", "P2" }, 3, RuleSeverity.Fail)] // a vote counts once
    [InlineData(new[] { "P1", "P2" }, 2, RuleSeverity.Pass)]
    public void Quorum_CountsNonConflictedVotersOnly(string[] voters, int quorum, RuleSeverity expected)
    {
        var outcomes = PanelDecisionRules.Check(Decision(voters: voters), ConflictsWithP3(), quorum);
        Assert.Equal(expected, outcomes.Single(o => o.Code == "OD-DECISION-QUORUM").Severity);
    }

    [Fact]
    public void ConflictedOrUnknownVoter_Fails()
    {
        var outcomes = PanelDecisionRules.Check(Decision(voters: ["P1", "P2", "P3", "P4", "X9"]), ConflictsWithP3(), 3);
        var conflict = outcomes.Single(o => o.Code == "OD-DECISION-CONFLICT");
        Assert.Equal(RuleSeverity.Fail, conflict.Severity);
        Assert.Equal("P3", conflict.Figures["Conflicted"]);
        Assert.Equal(RuleSeverity.Fail, outcomes.Single(o => o.Code == "OD-DECISION-VOTER").Severity);
        Assert.Equal(RuleSeverity.Pass, outcomes.Single(o => o.Code == "OD-DECISION-QUORUM").Severity);
    }

    [Theory]
    [InlineData(PanelDecisionOutcome.Approved, null, null, RuleSeverity.Pass)]
    [InlineData(PanelDecisionOutcome.ApprovedWithConditions, null, null, RuleSeverity.Fail)]
    [InlineData(PanelDecisionOutcome.ApprovedWithConditions, null, "Report outcomes by March", RuleSeverity.Pass)]
    [InlineData(PanelDecisionOutcome.ReturnedForMoreInformation, null, null, RuleSeverity.Fail)]
    [InlineData(PanelDecisionOutcome.ReturnedForMoreInformation, "Costs for backfill", null, RuleSeverity.Pass)]
    [InlineData(PanelDecisionOutcome.Declined, " ", null, RuleSeverity.Fail)]
    [InlineData(PanelDecisionOutcome.Declined, "Already funded by the DES", null, RuleSeverity.Pass)]
    public void Reasons_RequiredExceptForApproved(PanelDecisionOutcome outcome, string? reasons, string? conditions, RuleSeverity expected)
    {
        var approving = outcome is PanelDecisionOutcome.Approved or PanelDecisionOutcome.ApprovedWithConditions;
        var outcomes = PanelDecisionRules.Check(Decision(outcome, reasons: reasons, conditions: conditions, amount: approving ? 1_000m : null), ConflictsWithP3(), 3);
        Assert.Equal(expected, outcomes.Single(o => o.Code == "OD-DECISION-REASON").Severity);
        Assert.Equal(RuleSeverity.Pass, outcomes.Single(o => o.Code == "OD-DECISION-AMOUNT").Severity);
    }

    [Theory]
    [InlineData(PanelDecisionOutcome.Approved, null, RuleSeverity.Fail)]
    [InlineData(PanelDecisionOutcome.Approved, "0", RuleSeverity.Fail)]
    [InlineData(PanelDecisionOutcome.Approved, "100.001", RuleSeverity.Fail)]
    [InlineData(PanelDecisionOutcome.Declined, "100", RuleSeverity.Fail)]
    [InlineData(PanelDecisionOutcome.Declined, null, RuleSeverity.Pass)]
    public void ApprovedAmount_OnlyForApprovals(PanelDecisionOutcome outcome, string? amount, RuleSeverity expected)
    {
        var decision = Decision(outcome, reasons: "r", amount: amount is null ? null : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, PanelDecisionRules.Check(decision, ConflictsWithP3(), 3).Single(o => o.Code == "OD-DECISION-AMOUNT").Severity);
    }
}
