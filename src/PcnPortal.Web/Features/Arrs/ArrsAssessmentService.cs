using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Arrs.Redistribution;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>
/// Runs the rules engine over a whole financial year (every PCN: one person's WTE is checked across PCNs) and
/// stores each line's figures and rule outcomes. Rejected lines take no part. When a re-assessment
/// changes a line's reimbursable amount (for example a backdated uplift) the old figure is kept in
/// <see cref="ArrsClaimLine.PreviousReimbursable"/> and the audit log records the change.
/// <para>
/// The year's lines are read as untracked inputs, the engine runs once, and the results are written in chunks of
/// <see cref="ChunkSize"/> lines inside one transaction (the caller's, or its own), so a national year (≈624,000
/// lines) needs bounded memory and is still all or nothing. Only lines whose figures changed are updated (and
/// audited); new rule outcome rows are inserted in batches (docs/decisions/0009-bulk-claims-and-derived-outcomes.md).
/// For a year larger than one chunk the change tracker is cleared between chunks.
/// </para>
/// </summary>
public sealed class ArrsAssessmentService(PortalDbContext db, ArrsReferenceService reference, PcnYearPopulationQuery populationQuery, TimeProvider clock)
{
    /// <summary>Lines written per save.</summary>
    public const int ChunkSize = 2_000;

    private sealed record StoredLine(
        int Id, ClaimLineInput Input, DateTime? AssessedAt, decimal ClaimedCost, decimal MaxForPeriod, decimal Rate, decimal Reimbursable, RuleSeverity WorstOutcome);

    public async Task<ArrsAssessment> AssessYearAsync(FinancialYear year, CancellationToken cancellationToken = default)
    {
        var data = await reference.LoadAsync(cancellationToken);
        var lines = await db.ArrsClaimLines.AsNoTracking()
            .Where(l => l.FinancialYearStart == year.StartYear && l.Status != ArrsClaimStatus.Rejected)
            .OrderBy(l => l.Sequence).ThenBy(l => l.Id)
            .Select(l => new StoredLine(
                l.Id,
                new ClaimLineInput(
                    l.Pcn!.Code, l.StaffRef, l.StaffName, l.RoleCode, l.Month, l.Wte, l.StartDate, l.EndDate, l.Salary, l.EmployerNi, l.EmployerPension,
                    l.OtherOnCosts, l.ThirdPartyFee, l.Sequence, l.TransferredFromClinicalPharmacistScheme, l.ThirdPartySplw, l.Cover),
                l.AssessedAt, l.ClaimedCost, l.MaxForPeriod, l.Rate, l.Reimbursable, l.WorstOutcome))
            .ToListAsync(cancellationToken);
        var pcnIds = await db.ArrsClaimLines.AsNoTracking()
            .Where(l => l.FinancialYearStart == year.StartYear && l.Status != ArrsClaimStatus.Rejected)
            .Select(l => l.PcnId).Distinct().ToListAsync(cancellationToken);
        var contexts = await ContextsAsync(pcnIds, year, cancellationToken);
        var assessment = ArrsAssessor.Assess(lines.Select(l => l.Input).ToList(), data, contexts, year);
        var now = clock.GetUtcNow().UtcDateTime;
        var large = lines.Count > ChunkSize;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        for (var offset = 0; offset < lines.Count; offset += ChunkSize)
        {
            await StoreChunkAsync(lines, offset, Math.Min(ChunkSize, lines.Count - offset), assessment, now, cancellationToken);
            if (large)
            {
                db.ChangeTracker.Clear();
            }
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return assessment;
    }

    /// <summary>Re-assesses every year that has claim lines (after a reference data change).</summary>
    public async Task<int> AssessAllYearsAsync(CancellationToken cancellationToken = default)
    {
        var years = await db.ArrsClaimLines.Select(l => l.FinancialYearStart).Distinct().ToListAsync(cancellationToken);
        foreach (var start in years.Order())
        {
            await AssessYearAsync(new FinancialYear(start), cancellationToken);
        }

        return years.Count;
    }

    /// <summary>
    /// What the engine knows about each PCN: its population for the year (<see cref="PcnYearPopulationQuery"/>: members
    /// during the year, weighted list sizes as at 1 January before it, older ones warned; none usable means no ARR Sum,
    /// saying what to load), area tier (national unless set), baseline.
    /// </summary>
    public async Task<Dictionary<string, PcnYearContext>> ContextsAsync(IReadOnlyCollection<int> pcnIds, FinancialYear year, CancellationToken cancellationToken)
    {
        var populations = await populationQuery.ForPcnsAsync(pcnIds, year, cancellationToken);
        var baselines = (await db.ArrsBaselines.AsNoTracking().Where(b => pcnIds.Contains(b.PcnId)).ToListAsync(cancellationToken)).ToLookup(b => b.PcnId);
        var tiers = await db.ArrsPcnAreaTiers.AsNoTracking().Where(t => pcnIds.Contains(t.PcnId)).ToDictionaryAsync(t => t.PcnId, t => t.Tier, cancellationToken);
        var contexts = populations.ToDictionary(
            p => p.Value.PcnCode,
            p => ArrsPopulation.From(p.Value).ToContext(
                p.Value.PcnCode,
                tiers.GetValueOrDefault(p.Key, AreaTier.National),
                baselines[p.Key].Select(b => b.ToPost()).ToList()),
            StringComparer.Ordinal);
        await ApplyRedistributionAsync(contexts, populations.ToDictionary(p => p.Key, p => p.Value.PcnCode), year, cancellationToken);
        return contexts;
    }

    /// <summary>
    /// Approved redistribution bids raise the bidding PCN's entitlement for the year, and the reductions recorded against
    /// the giving PCNs lower theirs (ArrsRedistribution.ApplyToContext; ARRS-ENTITLEMENT names both).
    /// </summary>
    private async Task ApplyRedistributionAsync(Dictionary<string, PcnYearContext> contexts, Dictionary<int, string> codes, FinancialYear year, CancellationToken cancellationToken)
    {
        var ids = codes.Keys.ToList();
        var extras = await db.RedistributionBids.AsNoTracking()
            .Where(b => ids.Contains(b.PcnId) && b.Round!.StartYear == year.StartYear && b.ApprovedAmount != null
                && (b.Status == RedistributionBidStatus.ApprovedInFull || b.Status == RedistributionBidStatus.ApprovedInPart))
            .Select(b => new { b.PcnId, Amount = b.ApprovedAmount!.Value })
            .ToListAsync(cancellationToken);
        var given = await db.RedistributionReductions.AsNoTracking()
            .Where(r => ids.Contains(r.GiverPcnId) && db.RedistributionBids.Any(b => b.Id == r.BidId && b.Round!.StartYear == year.StartYear))
            .Select(r => new { r.GiverPcnId, r.Amount })
            .ToListAsync(cancellationToken);
        if (extras.Count == 0 && given.Count == 0)
        {
            return;
        }

        var data = await reference.LoadAsync(cancellationToken);
        foreach (var (id, code) in codes)
        {
            var extra = extras.Where(e => e.PcnId == id).Sum(e => e.Amount);
            var down = given.Where(g => g.GiverPcnId == id).Sum(g => g.Amount);
            if (contexts.TryGetValue(code, out var context))
            {
                ArrsRedistribution.ApplyToContext(context, data, year, extra, down);
            }
        }
    }

    /// <summary>
    /// Writes one chunk: lines whose figures changed are loaded (tracked, so a caller's tracked instances are the ones
    /// updated) and saved with their audit rows; stored outcomes of lines assessed before are compared and updated;
    /// outcomes of lines assessed for the first time are inserted in batches.
    /// </summary>
    private async Task StoreChunkAsync(List<StoredLine> lines, int offset, int count, ArrsAssessment assessment, DateTime now, CancellationToken cancellationToken)
    {
        var changedIds = new List<int>();
        var assessedIds = new List<int>();
        for (var i = offset; i < offset + count; i++)
        {
            var line = lines[i];
            ref readonly var result = ref assessment[i];
            if (line.AssessedAt is null || line.ClaimedCost != result.ClaimedCost || line.MaxForPeriod != result.MaxForPeriod || line.Rate != result.Rate
                || line.Reimbursable != result.Reimbursable || line.WorstOutcome != result.Status)
            {
                changedIds.Add(line.Id);
            }

            if (line.AssessedAt is not null)
            {
                assessedIds.Add(line.Id);
            }
        }

        var tracked = changedIds.Count == 0
            ? new Dictionary<int, ArrsClaimLine>()
            : await db.ArrsClaimLines.Where(l => changedIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        var stored = assessedIds.Count == 0
            ? []
            : await db.ArrsClaimOutcomes.Where(o => assessedIds.Contains(o.ClaimLineId)).ToListAsync(cancellationToken);
        var storedByLine = stored.GroupBy(o => o.ClaimLineId).ToDictionary(g => g.Key, g => g.ToList());
        var inserts = new List<ArrsClaimOutcome>();
        for (var i = offset; i < offset + count; i++)
        {
            var id = lines[i].Id;
            if (tracked.TryGetValue(id, out var entity))
            {
                StoreFigures(entity, assessment, i, now);
            }

            StoreOutcomes(id, storedByLine.GetValueOrDefault(id) ?? [], assessment.Outcomes(i), inserts);
        }

        await db.SaveChangesAsync(cancellationToken);

        // New outcome rows: 400 a command (5 columns: 2,000 parameters, under SQL Server's 2,100).
        await ModelRowWriter.InsertAsync(db, inserts, 400, cancellationToken);
    }

    private static void StoreFigures(ArrsClaimLine line, ArrsAssessment assessment, int index, DateTime now)
    {
        ref readonly var result = ref assessment[index];
        if (line.AssessedAt is not null && line.Reimbursable != result.Reimbursable)
        {
            line.PreviousReimbursable = line.Reimbursable;
        }

        line.ClaimedCost = result.ClaimedCost;
        line.MaxForPeriod = result.MaxForPeriod;
        line.Rate = result.Rate;
        line.Reimbursable = result.Reimbursable;
        line.WorstOutcome = result.Status;
        line.AssessedAt ??= now;
    }

    private void StoreOutcomes(int lineId, List<ArrsClaimOutcome> stored, IReadOnlyList<RuleOutcome> outcomes, List<ArrsClaimOutcome> inserts)
    {
        foreach (var outcome in outcomes)
        {
            var figures = JsonSerializer.Serialize(outcome.Figures);
            var existing = stored.FirstOrDefault(o => o.Code == outcome.Code);
            if (existing is null)
            {
                inserts.Add(new ArrsClaimOutcome { ClaimLineId = lineId, Code = outcome.Code, Severity = outcome.Severity, Explanation = outcome.Explanation, FiguresJson = figures });
                continue;
            }

            if (existing.Severity != outcome.Severity || existing.Explanation != outcome.Explanation || existing.FiguresJson != figures)
            {
                existing.Severity = outcome.Severity;
                existing.Explanation = outcome.Explanation;
                existing.FiguresJson = figures;
            }
        }

        foreach (var old in stored.Where(o => outcomes.All(n => n.Code != o.Code)))
        {
            db.ArrsClaimOutcomes.Remove(old);
        }
    }
}
