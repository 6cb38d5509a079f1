using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Redistribution;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>A bid as the PCN gives it: a further post, its start month and monthly cost, and why.</summary>
public sealed record RedistributionBidInput(string RoleCode, decimal Wte, DateOnly StartMonth, decimal MonthlyCost, string Reason);

public enum RedistributionDecision
{
    ApproveInFull,
    ApproveInPart,
    Reject,
}

/// <summary>
/// Sharing unused ARRS entitlement (seed 000 §5.3; docs/decisions/0016-redistribution-pro-rata-reductions.md): finance opens
/// a round for a year with a deadline and the pool worked out from the finance forecast; PCNs whose forecast spend reaches
/// their entitlement bid for further posts; the contracts team approves in full or in part within the pool, or rejects;
/// finance closes the round. Each approval raises the bidder's entitlement and reduces the givers' pro rata, and the year's
/// claims are assessed again in the same transaction, so nothing is half-saved. Every change is audited by SaveChanges.
/// </summary>
public sealed class RedistributionService(PortalDbContext db, ArrsEntitlementQuery entitlements, ArrsAssessmentService assessment, TimeProvider clock)
{
    /// <summary>Opens a round: the year must be 2019/20 to 2023/24 with no round already open, the deadline today or later, and the pool more than £0.</summary>
    public async Task<ServiceResult<RedistributionRound>> OpenAsync(FinancialYear year, DateOnly deadline, string by, CancellationToken cancellationToken = default)
    {
        if (ArrsRedistribution.CheckYear(year) is { Severity: RuleSeverity.Fail } refused)
        {
            return ServiceResult<RedistributionRound>.Fail("Year", refused.Explanation);
        }

        var open = await db.RedistributionRounds.AsNoTracking()
            .Where(r => r.StartYear == year.StartYear && r.Status == RedistributionRoundStatus.Open).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (open is { } openId)
        {
            return ServiceResult<RedistributionRound>.Fail("Year", $"Round {openId} for {year} is still open: close it before opening another round for {year}.");
        }

        var today = clock.Today();
        if (deadline < today)
        {
            return ServiceResult<RedistributionRound>.Fail("Deadline", $"The deadline for bids must be today ({FormValues.Date(today)}) or later");
        }

        var pool = ArrsRedistribution.Pool(year, await FiguresAsync(year, null, cancellationToken));
        if (pool.Total <= 0m)
        {
            return ServiceResult<RedistributionRound>.Fail("Year", $"No PCN is expected to leave ARRS entitlement unused in {year} (pool £0.00): there is nothing to share.");
        }

        var codes = pool.Pcns.Select(p => p.PcnCode).ToList();
        var ids = await db.Pcns.AsNoTracking().Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Id, cancellationToken);
        var round = new RedistributionRound
        {
            StartYear = year.StartYear,
            Deadline = deadline,
            Pool = pool.Total,
            OpenedBy = by,
            OpenedAt = clock.GetUtcNow().UtcDateTime,
            PoolEntries = [.. pool.Pcns.Select(p => new RedistributionPoolEntry
            {
                PcnId = ids[p.PcnCode],
                Entitlement = p.Figures.Entitlement,
                Claimed = p.Figures.Claimed,
                Forecast = p.Figures.Forecast,
                ExpectedUnused = p.ExpectedUnused,
                Working = p.Working,
            })],
        };
        db.RedistributionRounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<RedistributionRound>.Ok(round);
    }

    /// <summary>
    /// Each PCN of the CCG's figures for the year from the finance forecast (entitlement with any redistribution so far,
    /// claims that count, forecast to year end); one PCN's when <paramref name="pcnCode"/> is given.
    /// </summary>
    public async Task<IReadOnlyList<PcnYearFigures>> FiguresAsync(FinancialYear year, string? pcnCode, CancellationToken cancellationToken = default)
    {
        var report = await entitlements.GetAsync(year, pcnCode, cancellationToken: cancellationToken);
        return [.. report.Pcns.Where(p => !p.OutsideCcg || pcnCode is not null)
            .Select(p => new PcnYearFigures(p.PcnCode, p.PcnName, p.Entitlement, p.ReimbursableSubmitted, p.Forecast, p.ArrSumHeld))];
    }

    /// <summary>Whether the PCN may bid in the year now (ARRS-REDIST-ELIGIBLE), with the figures.</summary>
    public async Task<RuleOutcome> EligibilityAsync(FinancialYear year, string pcnCode, CancellationToken cancellationToken = default)
    {
        var figures = (await FiguresAsync(year, pcnCode, cancellationToken)).FirstOrDefault()
            ?? new PcnYearFigures(pcnCode, pcnCode, 0m, 0m, 0m, Held: false);
        return ArrsRedistribution.Eligibility(figures);
    }

    /// <summary>A PCN's new bid: the round open and before its deadline, the PCN eligible (forecast spend reaches its entitlement).</summary>
    public async Task<ServiceResult<RedistributionBid>> SubmitAsync(int roundId, string pcnCode, RedistributionBidInput input, string by, CancellationToken cancellationToken = default)
    {
        var round = await db.RedistributionRounds.FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        var pcn = await db.Pcns.AsNoTracking().Where(p => p.Code == pcnCode).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (round is null || pcn is null)
        {
            return ServiceResult<RedistributionBid>.Fail("", "The round or the PCN was not found.");
        }

        var errors = await CheckBidAsync(round, pcnCode, input, cancellationToken);
        if (errors.Count > 0)
        {
            return ServiceResult<RedistributionBid>.Fail(errors);
        }

        var bid = new RedistributionBid { RoundId = round.Id, PcnId = pcn.Value, SubmittedBy = by };
        Fill(bid, round.Year, input, await EligibilityAsync(round.Year, pcnCode, cancellationToken), by);
        db.RedistributionBids.Add(bid);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<RedistributionBid>.Ok(bid);
    }

    /// <summary>The PCN changes its bid while it waits for a decision, before the deadline; the version it saw must still be current.</summary>
    public async Task<ServiceResult<RedistributionBid>> ChangeAsync(int bidId, int seenVersion, string pcnCode, RedistributionBidInput input, string by, CancellationToken cancellationToken = default)
    {
        var bid = await db.RedistributionBids.Include(b => b.Round).Include(b => b.Pcn).FirstOrDefaultAsync(b => b.Id == bidId, cancellationToken);
        if (bid is null || !string.Equals(bid.Pcn!.Code, pcnCode, StringComparison.OrdinalIgnoreCase))
        {
            return ServiceResult<RedistributionBid>.Fail("", "The bid was not found.");
        }

        if (bid.Version != seenVersion)
        {
            return ServiceResult<RedistributionBid>.Fail("", "Someone else changed this bid since you opened it: nothing was saved. Open it again to see the changes.");
        }

        if (bid.Status != RedistributionBidStatus.Submitted)
        {
            return ServiceResult<RedistributionBid>.Fail("", $"This bid has been decided ({Describe(bid.Status)}): it can no longer be changed.");
        }

        var errors = await CheckBidAsync(bid.Round!, pcnCode, input, cancellationToken);
        if (errors.Count > 0)
        {
            return ServiceResult<RedistributionBid>.Fail(errors);
        }

        Fill(bid, bid.Round!.Year, input, await EligibilityAsync(bid.Round.Year, pcnCode, cancellationToken), by);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<RedistributionBid>.Fail("", "Someone else changed this bid since you opened it: nothing was saved. Open it again to see the changes.");
        }

        return ServiceResult<RedistributionBid>.Ok(bid);
    }

    /// <summary>
    /// The contracts team's decision. Approving (in full: the amount bid for; in part: a smaller amount with a reason) must fit
    /// what is left of the pool from the PCNs other than the bidder (ARRS-REDIST-POOL); the amount is taken from those PCNs pro
    /// rata to what is left of their underspend (ARRS-REDIST-REDUCTION), and the year's claims are assessed again. A rejection
    /// needs a reason. The round must be open and the bid still waiting, at the version the reviewer saw.
    /// </summary>
    public async Task<FormResult> DecideAsync(int bidId, int seenVersion, RedistributionDecision decision, decimal? amount, string? reason, string by, CancellationToken cancellationToken = default)
    {
        var bid = await db.RedistributionBids.Include(b => b.Round).ThenInclude(r => r!.PoolEntries).FirstOrDefaultAsync(b => b.Id == bidId, cancellationToken);
        if (bid is null)
        {
            return FormResult.Fail("", "The bid was not found.");
        }

        var round = bid.Round!;
        if (bid.Version != seenVersion)
        {
            return FormResult.Fail("", "Someone else changed this bid since you opened it: nothing was saved. Look at it again before deciding.");
        }

        if (bid.Status != RedistributionBidStatus.Submitted)
        {
            return FormResult.Fail("", $"This bid has already been decided ({Describe(bid.Status)}).");
        }

        if (round.Status != RedistributionRoundStatus.Open)
        {
            return FormResult.Fail("", $"Round {round.Id} is closed: its bids can no longer be decided.");
        }

        var text = reason?.Trim();
        if (decision != RedistributionDecision.ApproveInFull && string.IsNullOrEmpty(text))
        {
            return FormResult.Fail("Reason", decision == RedistributionDecision.Reject ? "Enter the reason for rejecting the bid" : "Enter the reason for approving only part of the bid");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        bid.DecidedBy = by;
        bid.DecidedAt = now;
        bid.DecisionReason = string.IsNullOrEmpty(text) ? null : text;
        if (decision == RedistributionDecision.Reject)
        {
            bid.Status = RedistributionBidStatus.Rejected;
            return await SaveAsync(bid, reassess: false, cancellationToken);
        }

        var approved = decision == RedistributionDecision.ApproveInFull ? bid.Requested : amount ?? 0m;
        var givers = await GiversAsync(round, bid.PcnId, cancellationToken);
        var available = givers.Sum(g => g.Giver.Remaining);
        var check = ArrsRedistribution.CheckApproval(approved, bid.Requested, available);
        if (check.Severity == RuleSeverity.Fail)
        {
            return FormResult.Fail(decision == RedistributionDecision.ApproveInPart ? "Amount" : "", check.Explanation);
        }

        if (decision == RedistributionDecision.ApproveInPart && approved == bid.Requested)
        {
            return FormResult.Fail("Amount", $"{Money.Format(approved)} is the whole bid: choose approve in full, or enter a smaller amount");
        }

        var ids = givers.ToDictionary(g => g.Giver.PcnCode, g => g.PcnId, StringComparer.Ordinal);
        var shares = ArrsRedistribution.Reduce(approved, [.. givers.Select(g => g.Giver)]);
        bid.Reductions = [.. shares.Where(s => s.Amount > 0m).Select(s => new RedistributionReduction { GiverPcnId = ids[s.PcnCode], Amount = s.Amount, Working = s.Working })];
        bid.ApprovedAmount = approved;
        bid.Status = approved == bid.Requested ? RedistributionBidStatus.ApprovedInFull : RedistributionBidStatus.ApprovedInPart;
        round.Approved += approved;
        return await SaveAsync(bid, reassess: true, cancellationToken);
    }

    /// <summary>Closes a round once every bid is decided.</summary>
    public async Task<FormResult> CloseAsync(int roundId, int seenVersion, string by, CancellationToken cancellationToken = default)
    {
        var round = await db.RedistributionRounds.FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return FormResult.Fail("", "The round was not found.");
        }

        if (round.Status == RedistributionRoundStatus.Closed)
        {
            return FormResult.Fail("", $"Round {round.Id} is already closed.");
        }

        if (round.Version != seenVersion)
        {
            return FormResult.Fail("", "The round changed since you opened it (a bid was decided): nothing was saved. Look at it again before closing it.");
        }

        var waiting = await db.RedistributionBids.CountAsync(b => b.RoundId == roundId && b.Status == RedistributionBidStatus.Submitted, cancellationToken);
        if (waiting > 0)
        {
            return FormResult.Fail("", $"{waiting} bid{(waiting == 1 ? " is" : "s are")} still waiting for a decision: the contracts team must decide {(waiting == 1 ? "it" : "them")} before the round is closed.");
        }

        round.Status = RedistributionRoundStatus.Closed;
        round.ClosedBy = by;
        round.ClosedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return FormResult.Fail("", "The round changed since you opened it: nothing was saved. Look at it again before closing it.");
        }

        return FormResult.Success;
    }

    /// <summary>The giving PCNs of a round other than <paramref name="bidderPcnId"/>, each with its expected unused less what earlier approvals in the round took from it.</summary>
    public async Task<IReadOnlyList<(int PcnId, RedistributionGiver Giver)>> GiversAsync(RedistributionRound round, int bidderPcnId, CancellationToken cancellationToken)
    {
        var entries = await db.RedistributionPoolEntries.AsNoTracking()
            .Where(e => e.RoundId == round.Id && e.PcnId != bidderPcnId)
            .Select(e => new { e.PcnId, e.Pcn!.Code, e.ExpectedUnused })
            .ToListAsync(cancellationToken);
        var taken = (await db.RedistributionReductions.AsNoTracking()
                .Where(r => db.RedistributionBids.Any(b => b.Id == r.BidId && b.RoundId == round.Id))
                .Select(r => new { r.GiverPcnId, r.Amount })
                .ToListAsync(cancellationToken))
            .GroupBy(r => r.GiverPcnId).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));
        return [.. entries.OrderBy(e => e.Code, StringComparer.Ordinal)
            .Select(e => (e.PcnId, new RedistributionGiver(e.Code, Math.Max(0m, e.ExpectedUnused - taken.GetValueOrDefault(e.PcnId)))))];
    }

    public static string Describe(RedistributionBidStatus status) => status switch
    {
        RedistributionBidStatus.Submitted => "Submitted",
        RedistributionBidStatus.ApprovedInFull => "Approved in full",
        RedistributionBidStatus.ApprovedInPart => "Approved in part",
        RedistributionBidStatus.Rejected => "Rejected",
        _ => status.ToString(),
    };

    /// <summary>Months from the start month to the end of the year (March).</summary>
    public static int MonthsToYearEnd(FinancialYear year, DateOnly startMonth) =>
        ((year.LastDay.Year - startMonth.Year) * 12) + year.LastDay.Month - startMonth.Month + 1;

    private async Task<List<FormError>> CheckBidAsync(RedistributionRound round, string pcnCode, RedistributionBidInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FormError>();
        var today = clock.Today();
        if (round.Status != RedistributionRoundStatus.Open)
        {
            errors.Add(new FormError("", $"Round {round.Id} for {round.Year} is closed: it takes no more bids."));
            return errors;
        }

        if (today > round.Deadline)
        {
            errors.Add(new FormError("", $"The deadline for bids in round {round.Id} was {FormValues.Date(round.Deadline)}: it takes no more bids."));
            return errors;
        }

        if (!round.Year.Contains(input.StartMonth))
        {
            errors.Add(new FormError("StartMonth", $"The start month must be between April {round.Year.StartYear} and March {round.Year.StartYear + 1}"));
        }

        var eligibility = await EligibilityAsync(round.Year, pcnCode, cancellationToken);
        if (eligibility.Severity == RuleSeverity.Fail)
        {
            errors.Add(new FormError("", eligibility.Explanation));
        }

        return errors;
    }

    private void Fill(RedistributionBid bid, FinancialYear year, RedistributionBidInput input, RuleOutcome eligibility, string by)
    {
        bid.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        bid.RoleCode = input.RoleCode;
        bid.Wte = input.Wte;
        bid.StartMonth = new DateOnly(input.StartMonth.Year, input.StartMonth.Month, 1);
        bid.MonthlyCost = input.MonthlyCost;
        bid.Months = MonthsToYearEnd(year, bid.StartMonth);
        bid.Requested = Money.ToPence(input.MonthlyCost * bid.Months);
        bid.Reason = input.Reason.Trim();
        bid.Eligibility = eligibility.Explanation;
        bid.SubmittedBy = by;
    }

    private async Task<FormResult> SaveAsync(RedistributionBid bid, bool reassess, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return FormResult.Fail("", "Someone else decided a bid in this round at the same time: nothing was saved. Look at the pool again before deciding.");
        }

        if (reassess)
        {
            await assessment.AssessYearAsync(bid.Round!.Year, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return FormResult.Success;
    }
}
