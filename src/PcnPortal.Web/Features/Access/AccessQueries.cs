using System.Text;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Access;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Configuration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Files;

namespace PcnPortal.Web.Features.Access;

/// <summary>Everything the page of one PCN's access shows.</summary>
public sealed record AccessPcnView(
    int PcnId,
    string PcnCode,
    string PcnName,
    DateOnly Today,
    FinancialYear Year,
    AccessPlanCheck PlanCheck,
    IReadOnlyList<AccessPlan> Plans,
    IReadOnlyList<PcnAdjustedPopulation> AdjustedPopulations,
    IReadOnlyList<AccessQuarterView> Quarters,
    IReadOnlyList<string> CurrentPractices);

/// <summary>One row of the CCG summary: a PCN's quarters in the year and its plan check today (or at the year's end).</summary>
public sealed record AccessSummaryRow(string PcnCode, string PcnName, AccessPlanCheck PlanCheck, IReadOnlyList<AccessQuarterView> Quarters);

public sealed record AccessSummary(FinancialYear Year, IReadOnlyList<AccessQuarter> Quarters, IReadOnlyList<AccessSummaryRow> Rows, IReadOnlyList<AccessPlanToReview> PlansToReview);

public sealed record AccessPlanToReview(int Id, string PcnCode, string PcnName, DateOnly EffectiveFrom, DateOnly SubmittedOn);

public sealed class AccessQueries(PortalDbContext db, AccessRequirementQuery requirements, PortalOptions options, AccessOptions accessOptions, TimeProvider clock)
{
    public async Task<AccessPcnView?> PcnAsync(string pcnCode, FinancialYear year, CancellationToken cancellationToken)
    {
        var pcn = await db.Pcns.AsNoTracking().Where(p => p.Code == pcnCode).Select(p => new { p.Id, p.Code, p.Name, p.OpenDate }).SingleOrDefaultAsync(cancellationToken);
        if (pcn is null)
        {
            return null;
        }

        var today = clock.Today();
        var data = await requirements.LoadAsync([pcn.Id], cancellationToken);
        var plans = await db.AccessPlans.AsNoTracking().Include(p => p.Sessions).Where(p => p.PcnId == pcn.Id).OrderByDescending(p => p.Id).ToListAsync(cancellationToken);
        var starts = AccessQuarter.Of(year).Select(q => q.FirstDay).ToList();
        var declarations = await db.AccessDeclarations.AsNoTracking().Include(d => d.Months).Where(d => d.PcnId == pcn.Id && starts.Contains(d.QuarterStart)).ToListAsync(cancellationToken);
        var populations = await db.PcnAdjustedPopulations.AsNoTracking().Where(a => a.PcnId == pcn.Id).OrderByDescending(a => a.AsAt).ToListAsync(cancellationToken);
        var quarters = AccessQuarter.Of(year)
            .Where(q => q.FirstDay <= today && q.LastDay >= PublishedAccessSchedule.ExtendedHoursStart && q.LastDay >= pcn.OpenDate)
            .Reverse()
            .Select(q => AccessAssessment.Quarter(data, pcn.Id, pcn.Code, pcn.Name, q, declarations.FirstOrDefault(d => d.QuarterStart == q.FirstDay), today, accessOptions.DeclarationDueWorkingDays))
            .ToList();

        return new AccessPcnView(pcn.Id, pcn.Code, pcn.Name, today, year, AccessAssessment.Plan(data, pcn.Id, pcn.Code, plans, today), plans, populations, quarters, data.PracticesOn(pcn.Id, today));
    }

    /// <summary>One quarter of one PCN.</summary>
    public async Task<AccessQuarterView> QuarterAsync(int pcnId, string pcnCode, string pcnName, AccessQuarter quarter, CancellationToken cancellationToken)
    {
        var data = await requirements.LoadAsync([pcnId], cancellationToken);
        var declaration = await db.AccessDeclarations.AsNoTracking().Include(d => d.Months).SingleOrDefaultAsync(d => d.PcnId == pcnId && d.QuarterStart == quarter.FirstDay, cancellationToken);
        return AccessAssessment.Quarter(data, pcnId, pcnCode, pcnName, quarter, declaration, clock.Today(), accessOptions.DeclarationDueWorkingDays);
    }

    /// <summary>The CCG's PCNs open in the year, each with its quarters that have begun and ended after extended hours began.</summary>
    /// <param name="asAt">The date the summary is as at (a paper's date); today when null.</param>
    public async Task<AccessSummary> SummaryAsync(FinancialYear year, string? onlyPcnCode, CancellationToken cancellationToken, DateOnly? asAt = null)
    {
        var today = asAt ?? clock.Today();
        var ccgs = options.CcgCodes;
        var pcns = await db.Pcns.AsNoTracking()
            .Where(p => ccgs.Contains(p.CcgCode) && p.OpenDate <= year.LastDay && (p.CloseDate == null || p.CloseDate >= year.FirstDay))
            .Where(p => onlyPcnCode == null || p.Code == onlyPcnCode)
            .OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Code, p.Name })
            .ToListAsync(cancellationToken);
        var ids = pcns.Select(p => p.Id).ToList();
        var data = await requirements.LoadAsync(ids, cancellationToken);
        var plans = await db.AccessPlans.AsNoTracking().Include(p => p.Sessions).Where(p => ids.Contains(p.PcnId)).ToListAsync(cancellationToken);
        var quarterStarts = AccessQuarter.Of(year).Select(q => q.FirstDay).ToList();
        var declarations = await db.AccessDeclarations.AsNoTracking().Include(d => d.Months)
            .Where(d => ids.Contains(d.PcnId) && quarterStarts.Contains(d.QuarterStart))
            .ToListAsync(cancellationToken);
        var quarters = AccessQuarter.Of(year).Where(q => q.FirstDay <= today && q.LastDay >= PublishedAccessSchedule.ExtendedHoursStart).ToList();
        var planDay = Min(today, year.LastDay);
        var rows = pcns.Select(p => new AccessSummaryRow(
                p.Code,
                p.Name,
                AccessAssessment.Plan(data, p.Id, p.Code, [.. plans.Where(x => x.PcnId == p.Id)], planDay),
                [.. quarters.Select(q => AccessAssessment.Quarter(data, p.Id, p.Code, p.Name, q, declarations.FirstOrDefault(d => d.PcnId == p.Id && d.QuarterStart == q.FirstDay), today, accessOptions.DeclarationDueWorkingDays))]))
            .ToList();
        var toReview = await db.AccessPlans.AsNoTracking()
            .Where(p => p.Status == AccessPlanStatus.Submitted && (onlyPcnCode == null || p.Pcn!.Code == onlyPcnCode))
            .OrderBy(p => p.Id)
            .Select(p => new AccessPlanToReview(p.Id, p.Pcn!.Code, p.Pcn.Name, p.EffectiveFrom, p.SubmittedOn))
            .ToListAsync(cancellationToken);
        return new AccessSummary(year, quarters, rows, toReview);
    }

    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "pcn_code", "pcn_name", "quarter", "required_minutes", "delivered_minutes", "delivered_percent", "shortfall_minutes",
        "offered", "booked", "attended", "did_not_attend", "months_declared", "completed_on", "due", AccessMinutesShortRule.Code,
        AccessDeclarationLateRule.Code, AccessPlanMissingRule.Code, "required_note",
    ];

    /// <summary>The summary as CSV: one row a PCN and quarter.</summary>
    public static string Csv(AccessSummary summary)
    {
        var csv = new StringBuilder().AppendRow(CsvColumns);
        foreach (var row in summary.Rows)
        {
            foreach (var q in row.Quarters)
            {
                csv.AppendRow(
                [
                    row.PcnCode, row.PcnName, q.Quarter.Key, q.Required.Minutes?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    q.Delivered?.ToString(System.Globalization.CultureInfo.InvariantCulture), q.Percent is { } p ? CsvCells.Number(p) : null,
                    q.Shortfall?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    q.Declaration is null ? null : q.Offered.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    q.Declaration is null ? null : q.Booked.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    q.Declaration is null ? null : q.Attended.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    q.Declaration is null ? null : q.DidNotAttend.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    q.MonthsDeclared.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    q.Declaration?.CompletedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    q.Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    Word(q.MinutesOutcome), Word(q.LateOutcome), Word(row.PlanCheck.Outcome), q.Required.Missing,
                ]);
            }
        }

        return csv.ToString();
    }

    private static string? Word(RuleOutcome? outcome) => outcome?.Severity.ToString().ToLowerInvariant();

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
