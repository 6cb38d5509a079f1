using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Redistribution;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Files;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>A round in the list: its year, deadline, pool and what has been approved, and its bids by state.</summary>
public sealed record RedistributionRoundSummary(
    int Id, FinancialYear Year, DateOnly Deadline, RedistributionRoundStatus Status, decimal Pool, decimal Approved, int Submitted, int Decided, int OwnBids)
{
    public decimal Left => Pool - Approved;
}

/// <summary>One PCN in a round's pool: its figures when the round opened, and what approvals have taken from it since.</summary>
public sealed record RedistributionPoolRow(
    string PcnCode, string PcnName, decimal Entitlement, decimal Claimed, decimal Forecast, decimal ExpectedUnused, string Working, decimal GivenUp)
{
    public decimal Left => ExpectedUnused - GivenUp;
}

public sealed record RedistributionReductionRow(string PcnCode, string PcnName, decimal Amount, string Working);

public sealed record RedistributionBidRow(
    int Id,
    int Version,
    string PcnCode,
    string PcnName,
    string RoleCode,
    string RoleName,
    decimal Wte,
    DateOnly StartMonth,
    decimal MonthlyCost,
    int Months,
    decimal Requested,
    string Reason,
    string Eligibility,
    RedistributionBidStatus Status,
    decimal? ApprovedAmount,
    string? DecisionReason,
    string SubmittedBy,
    DateTime SubmittedAt,
    string? DecidedBy,
    DateTime? DecidedAt,
    IReadOnlyList<RedistributionReductionRow> Reductions)
{
    public string StatusText => RedistributionService.Describe(Status);
}

/// <summary>A round with its pool (every PCN for commissioners; only the total and their own row for a PCN user) and bids (a PCN user's own only).</summary>
public sealed record RedistributionRoundView(
    int Id,
    int Version,
    FinancialYear Year,
    DateOnly Deadline,
    RedistributionRoundStatus Status,
    decimal Pool,
    decimal Approved,
    string OpenedBy,
    DateTime OpenedAt,
    string? ClosedBy,
    DateTime? ClosedAt,
    IReadOnlyList<RedistributionPoolRow> PoolRows,
    IReadOnlyList<RedistributionBidRow> Bids,
    int Givers)
{
    public decimal Left => Pool - Approved;

    public bool IsOpen => Status == RedistributionRoundStatus.Open;

    /// <summary>The pool's working over every PCN (a PCN user sees only their own pool row, but the whole pool's working).</summary>
    public string PoolWorking => $"Pool {Money.Format(Pool)} = the expected unused entitlement of {Givers} PCNs when the round was opened; {Money.Format(Approved)} approved, {Money.Format(Left)} left.";
}

/// <summary>Reads redistribution rounds for the pages, the home page, the committee paper and the CSV.</summary>
public sealed class RedistributionQuery(PortalDbContext db, ArrsReferenceService reference)
{
    /// <summary>Every round, newest year first; <paramref name="ownPcnCode"/> counts that PCN's bids.</summary>
    public async Task<IReadOnlyList<RedistributionRoundSummary>> ListAsync(string? ownPcnCode, CancellationToken cancellationToken = default)
    {
        var rounds = await db.RedistributionRounds.AsNoTracking()
            .OrderByDescending(r => r.StartYear).ThenByDescending(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.StartYear,
                r.Deadline,
                r.Status,
                r.Pool,
                r.Approved,
                Submitted = r.Bids.Count(b => b.Status == RedistributionBidStatus.Submitted),
                Decided = r.Bids.Count(b => b.Status != RedistributionBidStatus.Submitted),
                Own = ownPcnCode == null ? 0 : r.Bids.Count(b => b.Pcn!.Code == ownPcnCode),
            })
            .ToListAsync(cancellationToken);
        return [.. rounds.Select(r => new RedistributionRoundSummary(r.Id, new FinancialYear(r.StartYear), r.Deadline, r.Status, r.Pool, r.Approved, r.Submitted, r.Decided, r.Own))];
    }

    /// <summary>The round, or null. <paramref name="onlyPcnCode"/> (a PCN user's own PCN) limits the pool rows and bids to that PCN.</summary>
    public async Task<RedistributionRoundView?> RoundAsync(int id, string? onlyPcnCode, CancellationToken cancellationToken = default)
    {
        var round = await db.RedistributionRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null)
        {
            return null;
        }

        var roles = (await reference.LoadAsync(cancellationToken)).Roles.ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
        var entries = await db.RedistributionPoolEntries.AsNoTracking()
            .Where(e => e.RoundId == id && (onlyPcnCode == null || e.Pcn!.Code == onlyPcnCode))
            .OrderBy(e => e.Pcn!.Name)
            .Select(e => new { e.PcnId, e.Pcn!.Code, e.Pcn.Name, e.Entitlement, e.Claimed, e.Forecast, e.ExpectedUnused, e.Working })
            .ToListAsync(cancellationToken);
        var bids = await db.RedistributionBids.AsNoTracking()
            .Where(b => b.RoundId == id && (onlyPcnCode == null || b.Pcn!.Code == onlyPcnCode))
            .OrderBy(b => b.SubmittedAt).ThenBy(b => b.Id)
            .Select(b => new { Bid = b, b.Pcn!.Code, b.Pcn.Name })
            .ToListAsync(cancellationToken);
        var bidIds = bids.Select(b => b.Bid.Id).ToList();
        var reductions = await db.RedistributionReductions.AsNoTracking()
            .Where(r => db.RedistributionBids.Any(b => b.Id == r.BidId && b.RoundId == id))
            .Select(r => new { r.BidId, r.GiverPcnId, r.GiverPcn!.Code, r.GiverPcn.Name, r.Amount, r.Working })
            .ToListAsync(cancellationToken);
        var givers = await db.RedistributionPoolEntries.CountAsync(e => e.RoundId == id && e.ExpectedUnused > 0m, cancellationToken);
        var givenUp = reductions.GroupBy(r => r.GiverPcnId).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));
        var byBid = reductions.OrderBy(r => r.Name).ToLookup(r => r.BidId);
        return new RedistributionRoundView(
            round.Id, round.Version, round.Year, round.Deadline, round.Status, round.Pool, round.Approved, round.OpenedBy, round.OpenedAt, round.ClosedBy, round.ClosedAt,
            [.. entries.Select(e => new RedistributionPoolRow(e.Code, e.Name, e.Entitlement, e.Claimed, e.Forecast, e.ExpectedUnused, e.Working, givenUp.GetValueOrDefault(e.PcnId)))],
            [.. bids.Select(x => new RedistributionBidRow(
                x.Bid.Id, x.Bid.Version, x.Code, x.Name, x.Bid.RoleCode, roles.GetValueOrDefault(x.Bid.RoleCode, x.Bid.RoleCode), x.Bid.Wte, x.Bid.StartMonth, x.Bid.MonthlyCost,
                x.Bid.Months, x.Bid.Requested, x.Bid.Reason, x.Bid.Eligibility, x.Bid.Status, x.Bid.ApprovedAmount, x.Bid.DecisionReason, x.Bid.SubmittedBy, x.Bid.SubmittedAt,
                x.Bid.DecidedBy, x.Bid.DecidedAt,
                [.. byBid[x.Bid.Id].Select(r => new RedistributionReductionRow(r.Code, r.Name, r.Amount, r.Working))]))],
            givers);
    }

    /// <summary>The round and PCN a bid belongs to, or null when there is no such bid.</summary>
    public async Task<(int RoundId, string PcnCode)?> BidOwnerAsync(int bidId, CancellationToken cancellationToken = default)
    {
        var owner = await db.RedistributionBids.AsNoTracking().Where(b => b.Id == bidId)
            .Select(b => new { b.RoundId, b.Pcn!.Code }).FirstOrDefaultAsync(cancellationToken);
        return owner is null ? null : (owner.RoundId, owner.Code);
    }

    /// <summary>Ids of the rounds open for bids today (open and on or before their deadline).</summary>
    public async Task<IReadOnlyList<RedistributionRoundSummary>> OpenForBidsAsync(DateOnly today, string? ownPcnCode, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(ownPcnCode, cancellationToken)).Where(r => r.Status == RedistributionRoundStatus.Open && r.Deadline >= today)];
}

/// <summary>
/// The round CSV (contract.md): one row per pool PCN (<c>record=pool</c>), per bid (<c>record=bid</c>) and per reduction of a
/// giving PCN for an approved bid (<c>record=reduction</c>). Money in pounds, two decimals; months ISO <c>YYYY-MM</c>.
/// </summary>
public static class RedistributionCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "record", "round_id", "financial_year", "pcn_code", "pcn_name", "entitlement", "claimed", "forecast", "expected_unused", "given_up",
        "bid_id", "role", "wte", "start_month", "monthly_cost", "months", "requested", "status", "approved", "bid_reason", "decision_reason",
        "reduction", "working",
    ];

    public static string Write(RedistributionRoundView round)
    {
        ArgumentNullException.ThrowIfNull(round);
        var csv = new StringBuilder().AppendRow(Header);
        var id = round.Id.ToString(CultureInfo.InvariantCulture);
        var year = round.Year.ToString();
        foreach (var p in round.PoolRows)
        {
            csv.AppendRow(["pool", id, year, p.PcnCode, p.PcnName, CsvCells.Money(p.Entitlement), CsvCells.Money(p.Claimed), CsvCells.Money(p.Forecast),
                CsvCells.Money(p.ExpectedUnused), CsvCells.Money(p.GivenUp), "", "", "", "", "", "", "", "", "", "", "", "", p.Working]);
        }

        foreach (var b in round.Bids)
        {
            var bidId = b.Id.ToString(CultureInfo.InvariantCulture);
            csv.AppendRow(["bid", id, year, b.PcnCode, b.PcnName, "", "", "", "", "", bidId, b.RoleCode, b.Wte.ToString("0.####", CultureInfo.InvariantCulture),
                b.StartMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture), CsvCells.Money(b.MonthlyCost), b.Months.ToString(CultureInfo.InvariantCulture),
                CsvCells.Money(b.Requested), b.StatusText, b.ApprovedAmount is { } a ? CsvCells.Money(a) : "", b.Reason, b.DecisionReason ?? "", "", b.Eligibility]);
        }

        foreach (var b in round.Bids)
        {
            foreach (var r in b.Reductions)
            {
                csv.AppendRow(["reduction", id, year, r.PcnCode, r.PcnName, "", "", "", "", "", b.Id.ToString(CultureInfo.InvariantCulture), "", "", "", "", "", "", "", "", "", "",
                    CsvCells.Money(r.Amount), r.Working]);
            }
        }

        return csv.ToString();
    }
}
