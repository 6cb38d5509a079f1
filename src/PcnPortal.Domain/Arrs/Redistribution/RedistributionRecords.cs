using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;

namespace PcnPortal.Domain.Arrs.Redistribution;

public enum RedistributionRoundStatus
{
    Open = 1,
    Closed = 2,
}

public enum RedistributionBidStatus
{
    Submitted = 1,
    ApprovedInFull = 2,
    ApprovedInPart = 3,
    Rejected = 4,
}

/// <summary>
/// A redistribution round for one financial year, opened by finance: the bidding deadline and the pool of expected
/// unused entitlement worked out when it was opened (one <see cref="RedistributionPoolEntry"/> a PCN, kept as worked out
/// so the figures PCNs bid against do not move under them).
/// </summary>
public class RedistributionRound : IVersioned
{
    public int Id { get; set; }

    /// <summary>The calendar year the financial year starts in (2020 for 2020/21).</summary>
    public int StartYear { get; set; }

    /// <summary>The last day PCNs may bid.</summary>
    public DateOnly Deadline { get; set; }

    public RedistributionRoundStatus Status { get; set; } = RedistributionRoundStatus.Open;

    /// <summary>The sum of the PCNs' expected unused entitlement when the round was opened.</summary>
    public decimal Pool { get; set; }

    /// <summary>The total approved so far: the pool less this is what is left. Updated with every approval, so two approvals at once cannot both spend the same money (the round's version changes).</summary>
    public decimal Approved { get; set; }

    public string OpenedBy { get; set; } = "";

    public DateTime OpenedAt { get; set; }

    public string? ClosedBy { get; set; }

    public DateTime? ClosedAt { get; set; }

    public int Version { get; set; }

    public List<RedistributionPoolEntry> PoolEntries { get; set; } = [];

    public List<RedistributionBid> Bids { get; set; } = [];

    public FinancialYear Year => new(StartYear);
}

/// <summary>One PCN's figures in a round's pool: entitlement, claimed, forecast and expected unused, with the working.</summary>
public class RedistributionPoolEntry
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public int PcnId { get; set; }

    public Pcn? Pcn { get; set; }

    public decimal Entitlement { get; set; }

    public decimal Claimed { get; set; }

    public decimal Forecast { get; set; }

    public decimal ExpectedUnused { get; set; }

    public string Working { get; set; } = "";
}

/// <summary>A PCN's bid for a further post from the pool, and the contracts team's decision on it.</summary>
public class RedistributionBid : IVersioned
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public RedistributionRound? Round { get; set; }

    public int PcnId { get; set; }

    public Pcn? Pcn { get; set; }

    public string RoleCode { get; set; } = "";

    public decimal Wte { get; set; }

    /// <summary>First day of the month the post starts.</summary>
    public DateOnly StartMonth { get; set; }

    public decimal MonthlyCost { get; set; }

    /// <summary>Months from the start month to March.</summary>
    public int Months { get; set; }

    /// <summary>Monthly cost × months: what the PCN bids for.</summary>
    public decimal Requested { get; set; }

    public string Reason { get; set; } = "";

    /// <summary>The eligibility check when the bid was last submitted (forecast spend against entitlement), with its figures.</summary>
    public string Eligibility { get; set; } = "";

    public RedistributionBidStatus Status { get; set; } = RedistributionBidStatus.Submitted;

    public decimal? ApprovedAmount { get; set; }

    public string? DecisionReason { get; set; }

    public string SubmittedBy { get; set; } = "";

    public DateTime SubmittedAt { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAt { get; set; }

    public int Version { get; set; }

    public List<RedistributionReduction> Reductions { get; set; } = [];

    public bool IsApproved => Status is RedistributionBidStatus.ApprovedInFull or RedistributionBidStatus.ApprovedInPart;
}

/// <summary>What one giving PCN's unused entitlement was reduced by to fund an approved bid, with the working.</summary>
public class RedistributionReduction
{
    public int Id { get; set; }

    public int BidId { get; set; }

    public int GiverPcnId { get; set; }

    public Pcn? GiverPcn { get; set; }

    public decimal Amount { get; set; }

    public string Working { get; set; } = "";
}
