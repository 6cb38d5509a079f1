using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Arrs;

/// <summary>
/// Runs the rules engine over a whole financial year (every PCN: one person's WTE is checked across PCNs) and
/// stores each line's figures and rule outcomes in one save. Rejected lines take no part. When a re-assessment
/// changes a line's reimbursable amount (for example a backdated uplift) the old figure is kept in
/// <see cref="ArrsClaimLine.PreviousReimbursable"/> and the audit log records the change.
/// </summary>
public sealed class ArrsAssessmentService(PortalDbContext db, ArrsReferenceService reference, TimeProvider clock)
{
    public async Task<ArrsAssessment> AssessYearAsync(FinancialYear year, CancellationToken cancellationToken = default)
    {
        var data = await reference.LoadAsync(cancellationToken);
        var lines = await db.ArrsClaimLines
            .Include(l => l.Pcn)
            .Include(l => l.Outcomes)
            .Where(l => l.FinancialYearStart == year.StartYear && l.Status != ArrsClaimStatus.Rejected)
            .OrderBy(l => l.Sequence).ThenBy(l => l.Id)
            .ToListAsync(cancellationToken);
        var pcnIds = lines.Select(l => l.PcnId).Distinct().ToList();
        var contexts = await ContextsAsync(pcnIds, year, cancellationToken);
        var assessment = ArrsAssessor.Assess(lines.Select(l => l.ToInput()).ToList(), data, contexts, year);
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < lines.Count; i++)
        {
            Store(lines[i], assessment, i, now);
        }

        await db.SaveChangesAsync(cancellationToken);
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

    /// <summary>What the engine knows about each PCN: weighted population as at 1 January, area tier (national unless set), baseline.</summary>
    public async Task<Dictionary<string, PcnYearContext>> ContextsAsync(IReadOnlyCollection<int> pcnIds, FinancialYear year, CancellationToken cancellationToken)
    {
        var populationDate = year.PopulationDate;
        var firstDay = year.FirstDay;
        var pcns = await db.Pcns.AsNoTracking()
            .Where(p => pcnIds.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                p.Code,
                Weighted = p.Memberships
                    .Where(m => m.StartDate <= firstDay && (m.EndDate == null || m.EndDate >= firstDay))
                    .SelectMany(m => m.Practice!.ListSizes.Where(l => l.AsAt == populationDate))
                    .Sum(l => l.Weighted) ?? 0m,
            })
            .ToListAsync(cancellationToken);
        var baselines = await db.ArrsBaselines.AsNoTracking().Where(b => pcnIds.Contains(b.PcnId)).ToListAsync(cancellationToken);
        var tiers = await db.ArrsPcnAreaTiers.AsNoTracking().Where(t => pcnIds.Contains(t.PcnId)).ToDictionaryAsync(t => t.PcnId, t => t.Tier, cancellationToken);
        return pcns.ToDictionary(
            p => p.Code,
            p => new PcnYearContext
            {
                PcnCode = p.Code,
                WeightedPopulation = (int)Math.Round(p.Weighted, MidpointRounding.AwayFromZero),
                AreaTier = tiers.GetValueOrDefault(p.Id, AreaTier.National),
                Baseline = baselines.Where(b => b.PcnId == p.Id).Select(b => b.ToPost()).ToList(),
            },
            StringComparer.Ordinal);
    }

    private static void Store(ArrsClaimLine line, ArrsAssessment assessment, int index, DateTime now)
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

        var outcomes = assessment.Outcomes(index);
        foreach (var outcome in outcomes)
        {
            var figures = JsonSerializer.Serialize(outcome.Figures);
            var stored = line.Outcomes.FirstOrDefault(o => o.Code == outcome.Code);
            if (stored is null)
            {
                line.Outcomes.Add(new ArrsClaimOutcome { Code = outcome.Code, Severity = outcome.Severity, Explanation = outcome.Explanation, FiguresJson = figures });
                continue;
            }

            if (stored.Severity != outcome.Severity || stored.Explanation != outcome.Explanation || stored.FiguresJson != figures)
            {
                stored.Severity = outcome.Severity;
                stored.Explanation = outcome.Explanation;
                stored.FiguresJson = figures;
            }
        }

        line.Outcomes.RemoveAll(o => outcomes.All(n => n.Code != o.Code));
    }
}
