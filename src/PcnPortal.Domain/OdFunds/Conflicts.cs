using System.Globalization;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.OdFunds;

/// <summary>
/// An entry in the register of interests: a person's interest in an organisation (a PCN code, or a member practice's ODS code),
/// what it is, and when it applies. Both dates are inclusive; no <see cref="To"/> means still current.
/// </summary>
public sealed record DeclaredInterest(string PersonId, string OrganisationCode, string Nature, DateOnly From, DateOnly? To = null)
{
    public bool AppliesOn(DateOnly date) => date >= From && (To is null || date <= To.Value);

    public string Describe()
    {
        var uk = CultureInfo.GetCultureInfo("en-GB");
        var to = To is { } t ? t.ToString("d MMMM yyyy", uk) : "no end date";
        return $"{Nature} ({OrganisationCode}), declared from {From.ToString("d MMMM yyyy", uk)} to {to}";
    }
}

public sealed record PanelMember(string PersonId, string Name, string? Role = null);

/// <summary>Whether one panel member is excluded from a decision, and the interests that exclude them.</summary>
public sealed record ConflictResult(PanelMember Member, bool Excluded, IReadOnlyList<DeclaredInterest> Interests, string Reason);

public static class ConflictChecker
{
    /// <summary>
    /// For each panel member: excluded when they have an interest in <paramref name="pcnCode"/> (or any of
    /// <paramref name="relatedOrganisationCodes"/>, e.g. the PCN's member practices) that applies on <paramref name="decisionDate"/>.
    /// Codes are compared ignoring case and surrounding spaces.
    /// </summary>
    public static IReadOnlyList<ConflictResult> Excluded(
        IEnumerable<PanelMember> panelMembers,
        IEnumerable<DeclaredInterest> interests,
        string pcnCode,
        DateOnly decisionDate,
        IEnumerable<string>? relatedOrganisationCodes = null)
    {
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { pcnCode.Trim() };
        foreach (var code in relatedOrganisationCodes ?? [])
        {
            codes.Add(code.Trim());
        }

        var register = interests.ToList();
        return
        [
            .. panelMembers.Select(member =>
            {
                var hits = register
                    .Where(i => string.Equals(i.PersonId, member.PersonId, StringComparison.OrdinalIgnoreCase)
                        && codes.Contains(i.OrganisationCode.Trim())
                        && i.AppliesOn(decisionDate))
                    .ToList();
                return hits.Count == 0
                    ? new ConflictResult(member, false, [], "No declared interest in this PCN on the decision date.")
                    : new ConflictResult(member, true, hits, "Excluded: " + string.Join("; ", hits.Select(h => h.Describe())) + ".");
            }),
        ];
    }
}

/// <summary>
/// Panel decision outcomes. Reasons are required for every outcome except Approved: Approved with conditions needs the
/// conditions; Returned for more information needs what is missing; Declined needs why.
/// </summary>
public enum PanelDecisionOutcome
{
    Approved = 1,
    ApprovedWithConditions = 2,
    ReturnedForMoreInformation = 3,
    Declined = 4,
}

/// <summary>A panel's decision on one EOI. <see cref="ApprovedAmount"/> is required for the two approving outcomes and must be absent otherwise.</summary>
public sealed record PanelDecision(
    string PcnCode,
    DateOnly DecisionDate,
    PanelDecisionOutcome Outcome,
    IReadOnlyCollection<string> VotingMemberIds,
    string? Reasons = null,
    string? Conditions = null,
    decimal? ApprovedAmount = null);

/// <summary>
/// Checks on a panel decision. Codes: OD-DECISION-CONFLICT (a conflicted member voted: Fail), OD-DECISION-VOTER (a voter is not on the panel: Fail),
/// OD-DECISION-QUORUM (fewer non-conflicted voters than the quorum: Fail), OD-DECISION-REASON, OD-DECISION-AMOUNT.
/// </summary>
public static class PanelDecisionRules
{
    public const string ConflictCode = "OD-DECISION-CONFLICT";
    public const string VoterCode = "OD-DECISION-VOTER";
    public const string QuorumCode = "OD-DECISION-QUORUM";
    public const string ReasonCode = "OD-DECISION-REASON";
    public const string AmountCode = "OD-DECISION-AMOUNT";

    /// <param name="conflicts">The result of <see cref="ConflictChecker.Excluded"/> for this PCN and decision date, one per panel member.</param>
    public static IReadOnlyList<RuleOutcome> Check(PanelDecision decision, IReadOnlyList<ConflictResult> conflicts, int quorum)
    {
        var outcomes = new List<RuleOutcome>();
        var byId = conflicts.ToDictionary(c => c.Member.PersonId, StringComparer.OrdinalIgnoreCase);
        var voters = decision.VotingMemberIds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        var unknown = voters.Where(v => !byId.ContainsKey(v)).ToList();
        outcomes.Add(unknown.Count == 0
            ? RuleOutcome.Pass(VoterCode, "Every voter is a panel member.")
            : RuleOutcome.Fail(VoterCode, $"Only panel members can vote; remove {string.Join(", ", unknown)}."));

        var conflicted = voters.Where(v => byId.TryGetValue(v, out var c) && c.Excluded).Select(v => byId[v]).ToList();
        outcomes.Add(conflicted.Count == 0
            ? RuleOutcome.Pass(ConflictCode, "No voter has a declared interest in this PCN.")
            : RuleOutcome.Fail(ConflictCode,
                "Conflicted members cannot vote: " + string.Join("; ", conflicted.Select(c => $"{c.Member.Name}: {c.Reason}")),
                new Dictionary<string, string> { ["Conflicted"] = string.Join(",", conflicted.Select(c => c.Member.PersonId)) }));

        var valid = voters.Count(v => byId.TryGetValue(v, out var c) && !c.Excluded);
        var figures = new Dictionary<string, string>
        {
            ["NonConflictedVoters"] = valid.ToString(CultureInfo.InvariantCulture),
            ["Quorum"] = quorum.ToString(CultureInfo.InvariantCulture),
        };
        outcomes.Add(valid >= quorum
            ? RuleOutcome.Pass(QuorumCode, $"{valid} non-conflicted members voted; the quorum is {quorum}.", figures)
            : RuleOutcome.Fail(QuorumCode, $"The decision needs {quorum} non-conflicted members voting; {valid} did.", figures));

        outcomes.Add(decision.Outcome switch
        {
            PanelDecisionOutcome.Approved => RuleOutcome.Pass(ReasonCode, "Approved; no reason needed."),
            PanelDecisionOutcome.ApprovedWithConditions => string.IsNullOrWhiteSpace(decision.Conditions)
                ? RuleOutcome.Fail(ReasonCode, "Write the conditions of approval.")
                : RuleOutcome.Pass(ReasonCode, "Conditions are recorded."),
            PanelDecisionOutcome.ReturnedForMoreInformation => string.IsNullOrWhiteSpace(decision.Reasons)
                ? RuleOutcome.Fail(ReasonCode, "Say what further information the PCN needs to give.")
                : RuleOutcome.Pass(ReasonCode, "The information needed is recorded."),
            PanelDecisionOutcome.Declined => string.IsNullOrWhiteSpace(decision.Reasons)
                ? RuleOutcome.Fail(ReasonCode, "Give the reasons for declining.")
                : RuleOutcome.Pass(ReasonCode, "Reasons for declining are recorded."),
            _ => RuleOutcome.Fail(ReasonCode, "Choose a decision."),
        });

        var approving = decision.Outcome is PanelDecisionOutcome.Approved or PanelDecisionOutcome.ApprovedWithConditions;
        outcomes.Add((approving, decision.ApprovedAmount) switch
        {
            (true, { } a) when a > 0 && decimal.Round(a, 2) == a => RuleOutcome.Pass(AmountCode, $"{Money.Format(a)} approved."),
            (true, _) => RuleOutcome.Fail(AmountCode, "Enter the amount approved in pounds and pence, more than £0."),
            (false, null) => RuleOutcome.Pass(AmountCode, "Nothing approved."),
            (false, _) => RuleOutcome.Fail(AmountCode, "Only an approval can have an amount approved; remove the amount."),
        });

        return outcomes;
    }
}

/// <summary>
/// What a panel may approve for one EOI, so the fund can never be over-allocated: no more than the EOI asked for, no more than
/// the PCN's share less what is already approved for it, and nothing that takes the fund's approvals past its distributable
/// amount. The same limits are checked again when finance marks a payment paid. Codes: OD-APPROVE-REQUEST, OD-APPROVE-SHARE,
/// OD-APPROVE-FUND (each a Fail when breached).
/// </summary>
public static class ApprovalLimits
{
    public const string RequestCode = "OD-APPROVE-REQUEST";
    public const string ShareCode = "OD-APPROVE-SHARE";
    public const string FundCode = "OD-APPROVE-FUND";

    /// <param name="amount">The amount being approved (or paid).</param>
    /// <param name="requested">The EOI's total request.</param>
    /// <param name="share">The PCN's share in the fund's approved allocation (£0 when it has none).</param>
    /// <param name="approvedForPcn">Already approved (or paid) for this PCN from this fund, not counting this amount.</param>
    /// <param name="distributable">The fund's distributable amount.</param>
    /// <param name="approvedForFund">Already approved (or paid) from this fund for every PCN, not counting this amount.</param>
    public static IReadOnlyList<RuleOutcome> Check(decimal amount, decimal requested, decimal share, decimal approvedForPcn, decimal distributable, decimal approvedForFund)
    {
        var failures = new List<RuleOutcome>();
        if (amount > requested)
        {
            failures.Add(RuleOutcome.Fail(RequestCode, $"{Money.Format(amount)} is more than the {Money.Format(requested)} the PCN asked for."));
        }

        var shareLeft = share - approvedForPcn;
        if (amount > shareLeft)
        {
            failures.Add(RuleOutcome.Fail(ShareCode, shareLeft <= 0
                ? $"The PCN's share of {Money.Format(share)} is already fully approved ({Money.Format(approvedForPcn)}); nothing more can be approved."
                : $"{Money.Format(amount)} is more than the {Money.Format(shareLeft)} left of the PCN's share of {Money.Format(share)} ({Money.Format(approvedForPcn)} already approved)."));
        }

        var fundLeft = distributable - approvedForFund;
        if (amount > fundLeft)
        {
            failures.Add(RuleOutcome.Fail(FundCode, $"{Money.Format(amount)} would take the fund past its distributable amount of {Money.Format(distributable)}: {Money.Format(Math.Max(0m, fundLeft))} is left."));
        }

        return failures;
    }
}

/// <summary>
/// Whether a recorded panel decision has taken effect (#15.16). The member who records a decision names the other voters, but a
/// named voter's vote counts only once they confirm it themselves (the recorder confirms theirs by recording). The decision takes
/// effect when the confirmed votes of members on the panel without a declared interest on the day reach the quorum; a confirmed
/// voter who has since declared an interest no longer counts. Code: OD-DECISION-CONFIRMED (Pass when in effect, Warn while waiting).
/// </summary>
public static class VoteConfirmation
{
    public const string Code = "OD-DECISION-CONFIRMED";

    /// <param name="voterIds">The voters named when the decision was recorded.</param>
    /// <param name="confirmedIds">The voters who have confirmed their own vote.</param>
    /// <param name="conflicts">The result of <see cref="ConflictChecker.Excluded"/> for this PCN on the day, one per panel member.</param>
    public static RuleOutcome Check(IEnumerable<string> voterIds, IEnumerable<string> confirmedIds, IReadOnlyList<ConflictResult> conflicts, int quorum)
    {
        var byId = conflicts.ToDictionary(c => c.Member.PersonId, StringComparer.OrdinalIgnoreCase);
        var named = voterIds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var confirmed = confirmedIds
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(id => named.Contains(id, StringComparer.OrdinalIgnoreCase) && byId.TryGetValue(id, out var c) && !c.Excluded)
            .ToList();
        var waitingFor = named
            .Where(id => !confirmed.Contains(id, StringComparer.OrdinalIgnoreCase) && byId.TryGetValue(id, out var c) && !c.Excluded)
            .Select(id => byId[id].Member.Name)
            .ToList();
        var figures = new Dictionary<string, string>
        {
            ["Confirmed"] = confirmed.Count.ToString(CultureInfo.InvariantCulture),
            ["Quorum"] = quorum.ToString(CultureInfo.InvariantCulture),
            ["WaitingFor"] = string.Join("; ", waitingFor),
        };
        if (confirmed.Count >= quorum)
        {
            return RuleOutcome.Pass(Code, $"{confirmed.Count} members without a declared interest have confirmed their votes; the quorum is {quorum}.", figures);
        }

        var still = quorum - confirmed.Count;
        return RuleOutcome.Warn(Code,
            $"{confirmed.Count} of the {quorum} votes needed {(confirmed.Count == 1 ? "is" : "are")} confirmed; the decision takes effect when {still} more {(still == 1 ? "voter confirms their" : "voters confirm their")} own vote"
            + (waitingFor.Count > 0 ? $" (waiting for {string.Join(", ", waitingFor)})." : ", but no named voter who could confirm is left: record the decision again with other members."),
            figures);
    }
}

/// <summary>
/// Whether a fund's panel can reach its quorum for every PCN with a share: enough members without a declared interest in the
/// PCN (or one of its practices) on the day. A fund whose panel cannot is not opened to EOIs. Code: OD-PANEL-QUORUM.
/// </summary>
public static class PanelQuorum
{
    public const string Code = "OD-PANEL-QUORUM";

    /// <summary>A PCN the panel may have to decide for, with its member practices' codes (interests in them exclude too).</summary>
    public sealed record Pcn(string Code, string Name, IReadOnlyCollection<string> PracticeCodes);

    /// <summary>How many members could vote on one PCN's EOI, against the quorum.</summary>
    public sealed record PcnResult(Pcn Pcn, int Eligible, bool CanReachQuorum);

    public static IReadOnlyList<PcnResult> ForEachPcn(IReadOnlyCollection<PanelMember> panel, IReadOnlyCollection<DeclaredInterest> interests, IEnumerable<Pcn> pcns, DateOnly date, int quorum) =>
    [
        .. pcns.Select(p =>
        {
            var eligible = ConflictChecker.Excluded(panel, interests, p.Code, date, p.PracticeCodes).Count(c => !c.Excluded);
            return new PcnResult(p, eligible, eligible >= quorum);
        }),
    ];

    public static RuleOutcome Check(IReadOnlyCollection<PanelMember> panel, IReadOnlyCollection<DeclaredInterest> interests, IEnumerable<Pcn> pcns, DateOnly date, int quorum)
    {
        var figures = new Dictionary<string, string>
        {
            ["PanelMembers"] = panel.Count.ToString(CultureInfo.InvariantCulture),
            ["Quorum"] = quorum.ToString(CultureInfo.InvariantCulture),
        };
        if (panel.Count < quorum)
        {
            return RuleOutcome.Fail(Code,
                $"The panel has {panel.Count} {(panel.Count == 1 ? "member" : "members")} and decisions need {quorum}. Add panel members before opening the fund.", figures);
        }

        var lacking = ForEachPcn(panel, interests, pcns, date, quorum).Where(r => !r.CanReachQuorum).ToList();
        if (lacking.Count > 0)
        {
            figures["Pcns"] = string.Join(",", lacking.Select(r => r.Pcn.Code));
            return RuleOutcome.Fail(Code,
                $"The panel cannot reach its quorum of {quorum} for "
                + string.Join("; ", lacking.Select(r => $"{r.Pcn.Name} ({r.Pcn.Code}): {r.Eligible} {(r.Eligible == 1 ? "member has" : "members have")} no declared interest"))
                + ". Add panel members without an interest in these PCNs before opening the fund.", figures);
        }

        return RuleOutcome.Pass(Code, $"The panel of {panel.Count} can reach its quorum of {quorum} for every PCN with a share.", figures);
    }
}
