using PcnPortal.Domain.Common;
using PcnPortal.Domain.Maturity;

namespace PcnPortal.Domain.OdFunds;

public enum OdFundStatus
{
    Draft = 1,
    Open = 2,
    Closed = 3,
}

/// <summary>A stored OD fund for one financial year. <see cref="ToDomain"/> gives the pure <see cref="OdFund"/> the rules use.</summary>
public class OdFundRecord : IVersioned
{
    public int Id { get; set; }

    /// <summary>The calendar year the financial year starts in (2020 for 2020/21).</summary>
    public int StartYear { get; set; }

    public required string Name { get; set; }

    public decimal Total { get; set; }

    public decimal CdRingFencePercent { get; set; } = OdFund.MinimumCdRingFencePercent;

    public decimal HeldBack { get; set; }

    public string? HeldBackPurpose { get; set; }

    public OdAllocationMethod Method { get; set; } = OdAllocationMethod.PerCapita;

    public decimal? RatePerPatient { get; set; }

    public PopulationBasis Basis { get; set; } = PopulationBasis.Registered;

    public DateOnly PopulationDate { get; set; }

    public DateOnly EoiDeadline { get; set; }

    public int Quorum { get; set; } = OdFund.DefaultQuorum;

    public OdFundStatus Status { get; set; } = OdFundStatus.Draft;

    public int Version { get; set; }

    public List<OdFundSourceRecord> Sources { get; set; } = [];

    public List<OdAllocationVersion> Allocations { get; set; } = [];

    public List<OdPanelMember> PanelMembers { get; set; } = [];

    public FinancialYear Year => new(StartYear);

    public OdFund ToDomain() => new()
    {
        Name = Name,
        Year = Year,
        Total = Total,
        Sources = [.. Sources.OrderBy(s => s.Id).Select(s => new OdFundSource(s.Name, s.Amount))],
        CdRingFencePercent = CdRingFencePercent,
        HeldBackForSystemWide = HeldBack,
        Method = Method,
        RatePerPatient = RatePerPatient,
        Basis = Basis,
        PopulationDate = PopulationDate,
        Quorum = Quorum,
    };
}

public class OdFundSourceRecord
{
    public int Id { get; set; }

    public int FundId { get; set; }

    public required string Name { get; set; }

    public decimal Amount { get; set; }
}

public enum OdAllocationStatus
{
    /// <summary>Computed, not yet agreed; can be approved.</summary>
    Draft = 1,

    /// <summary>Agreed and frozen: the shares EOIs are measured against.</summary>
    Approved = 2,

    /// <summary>Was approved; a later version replaced it. Kept unchanged for the record.</summary>
    Superseded = 3,
}

/// <summary>One computed version of a fund's allocation. Once approved its shares never change; recomputing adds a new version.</summary>
public class OdAllocationVersion
{
    public int Id { get; set; }

    public int FundId { get; set; }

    public int Number { get; set; }

    public OdAllocationStatus Status { get; set; } = OdAllocationStatus.Draft;

    public OdAllocationMethod Method { get; set; }

    public PopulationBasis Basis { get; set; }

    public decimal? RatePerPatient { get; set; }

    public DateOnly PopulationDate { get; set; }

    public decimal Distributable { get; set; }

    public decimal TotalAllocated { get; set; }

    public required string OutcomeCode { get; set; }

    public required string OutcomeMessage { get; set; }

    public DateTime ComputedAtUtc { get; set; }

    public required string ComputedBy { get; set; }

    public DateTime? ApprovedAtUtc { get; set; }

    public string? ApprovedBy { get; set; }

    public List<OdAllocationShare> Shares { get; set; } = [];

    public decimal Unallocated => Math.Max(0m, Distributable - TotalAllocated);

    public decimal Shortfall => Math.Max(0m, TotalAllocated - Distributable);

    public OdAllocation ToDomain() => new(
        Number, Method, Basis, RatePerPatient, Distributable,
        [.. Shares.OrderBy(s => s.Id).Select(s => new OdShare(s.PcnCode, s.Population, s.Amount, s.Working))],
        OutcomeCode == OdAllocationCalculator.ShortfallCode || OutcomeCode == OdAllocationCalculator.NoPopulation
            ? RuleOutcome.Fail(OutcomeCode, OutcomeMessage)
            : RuleOutcome.Pass(OutcomeCode, OutcomeMessage));
}

public class OdAllocationShare
{
    public int Id { get; set; }

    public int AllocationVersionId { get; set; }

    public required string PcnCode { get; set; }

    public required string PcnName { get; set; }

    public decimal Population { get; set; }

    public decimal Amount { get; set; }

    /// <summary>The working, e.g. "40,000 registered patients × £0.66 = £26,400.00".</summary>
    public required string Working { get; set; }
}

/// <summary>The panel roles the CCG uses (seed 002): the title a portal user holds on one fund's panel.</summary>
public static class OdPanelRoles
{
    public static readonly IReadOnlyList<string> All = ["Area director", "Head of locality", "Clinical lead", "Head of primary care development"];
}

/// <summary>A portal user sitting on one fund's panel.</summary>
public class OdPanelMember
{
    public int Id { get; set; }

    public int FundId { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    public required string PanelRole { get; set; }

    public PanelMember ToDomain() => new(UserId, Name, PanelRole);
}

/// <summary>An entry in the register of interests: a portal user's interest in a PCN or practice, between two dates (inclusive).</summary>
public class OdDeclaredInterest
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public required string PersonName { get; set; }

    public required string OrganisationCode { get; set; }

    public required string Nature { get; set; }

    public DateOnly From { get; set; }

    public DateOnly? To { get; set; }

    public DeclaredInterest ToDomain() => new(UserId, OrganisationCode, Nature, From, To);
}

public enum EoiStatus
{
    Draft = 1,
    Submitted = 2,
    Returned = 3,
    Approved = 4,
    ApprovedWithConditions = 5,
    Declined = 6,
}

/// <summary>A PCN's expression of interest against one fund.</summary>
public class OdEoi : IVersioned
{
    public int Id { get; set; }

    public int FundId { get; set; }

    public OdFundRecord? Fund { get; set; }

    public required string PcnCode { get; set; }

    public EoiStatus Status { get; set; } = EoiStatus.Draft;

    public bool ConfirmedNotFundedElsewhere { get; set; }

    public bool ClinicalDirectorConfirmed { get; set; }

    public string? ClinicalDirectorConfirmedBy { get; set; }

    public DateTime? ClinicalDirectorConfirmedAtUtc { get; set; }

    public string? OverShareReason { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public string? SubmittedBy { get; set; }

    public int Version { get; set; }

    public List<OdEoiLine> Lines { get; set; } = [];

    public List<OdPanelDecisionRecord> Decisions { get; set; } = [];

    public decimal Total => Lines.Sum(l => l.Amount);

    /// <summary>A PCN may change it while it is a draft or has been returned for more information.</summary>
    public bool IsEditable => Status is EoiStatus.Draft or EoiStatus.Returned;

    public Eoi ToDomain() => new(
        PcnCode,
        [.. Lines.OrderBy(l => l.LineNumber).Select(l => l.ToDomain())],
        ConfirmedNotFundedElsewhere,
        ClinicalDirectorConfirmed,
        OverShareReason);

    public static string Describe(EoiStatus status) => status switch
    {
        EoiStatus.ApprovedWithConditions => "Approved with conditions",
        EoiStatus.Returned => "Returned for more information",
        _ => status.ToString(),
    };
}

public class OdEoiLine
{
    public int Id { get; set; }

    public int EoiId { get; set; }

    public int LineNumber { get; set; }

    public required string SupportRequested { get; set; }

    public required string Deliverable { get; set; }

    public decimal Amount { get; set; }

    /// <summary>Maturity domain codes (LPP, PHM, INT, RES, PPC), comma-separated.</summary>
    public required string DomainCodes { get; set; }

    public IReadOnlyList<MaturityDomain> Domains =>
        [.. DomainCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => MaturityDomains.TryParseCode(c, out var d) ? d : (MaturityDomain?)null)
            .OfType<MaturityDomain>()];

    public EoiLine ToDomain() => new(SupportRequested, Deliverable, Amount, Domains);
}

/// <summary>A panel decision on an EOI, with who voted, who was excluded and why (kept as the text shown at the time).</summary>
public class OdPanelDecisionRecord
{
    public int Id { get; set; }

    public int EoiId { get; set; }

    public DateOnly DecisionDate { get; set; }

    public PanelDecisionOutcome Outcome { get; set; }

    public string? Reasons { get; set; }

    public string? Conditions { get; set; }

    public decimal? ApprovedAmount { get; set; }

    /// <summary>User ids of the non-conflicted members who voted, comma-separated.</summary>
    public required string VoterIds { get; set; }

    /// <summary>Names of the members who voted, "; "-separated.</summary>
    public required string VoterNames { get; set; }

    /// <summary>Who was excluded and why, e.g. "Pat Panel: Excluded: Partner at member practice (U90001)..."; empty when no-one was.</summary>
    public required string Excluded { get; set; }

    /// <summary>
    /// True while the decision waits for its voters to confirm their own votes: it takes effect (EOI status, payment) only when
    /// the confirmed non-conflicted voters reach the quorum. The member who records it confirms their own vote by recording it.
    /// </summary>
    public bool IsPending { get; set; }

    /// <summary>User ids (comma-separated) of the voters who have confirmed their own vote.</summary>
    public string? ConfirmedVoterIds { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public static string Describe(PanelDecisionOutcome outcome) => outcome switch
    {
        PanelDecisionOutcome.ApprovedWithConditions => "Approved with conditions",
        PanelDecisionOutcome.ReturnedForMoreInformation => "Returned for more information",
        _ => outcome.ToString(),
    };
}

public enum OdPaymentTiming
{
    InYear = 1,
    Retrospective = 2,
}

/// <summary>Money released to a PCN against an approved EOI. Unpaid until <see cref="PaidDate"/> is set.</summary>
public class OdPayment : IVersioned
{
    public int Id { get; set; }

    public int FundId { get; set; }

    public int EoiId { get; set; }

    public required string PcnCode { get; set; }

    public decimal Amount { get; set; }

    public OdPaymentTiming Timing { get; set; } = OdPaymentTiming.InYear;

    public DateOnly? PaidDate { get; set; }

    public int Version { get; set; }

    public bool IsPaid => PaidDate is not null;
}
