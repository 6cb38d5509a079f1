using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Configuration;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>One PCN's spend against its ARR Sum for a financial year, with a forecast to year end.</summary>
public sealed record PcnEntitlement(
    string PcnCode,
    string PcnName,
    int WeightedPopulation,
    DateOnly PopulationAsAt,
    decimal ArrSum,
    string ArrSumExplanation,
    decimal Approved,
    decimal Pending,
    decimal Paid,
    decimal Forecast,
    IReadOnlyList<ForecastPostResult> ForecastPosts,
    bool OutsideCcg = false,
    string? ArrSumNotHeld = null,
    IReadOnlyList<string>? PopulationWarnings = null,
    decimal? GpSum = null,
    string? GpSumExplanation = null,
    decimal GpReimbursableSubmitted = 0m,
    decimal ExtraAllocation = 0m,
    decimal GivenUp = 0m)
{
    /// <summary>The ARR Sum with the redistribution of unused entitlement: + extra allocation approved to it − reductions given up to other PCNs.</summary>
    public decimal Entitlement => ArrSum + ExtraAllocation - GivenUp;

    /// <summary>"ARR Sum £X + £Y extra allocation … = £Z" when redistribution changed the entitlement; null when it did not.</summary>
    public string? RedistributionWorking => ExtraAllocation == 0m && GivenUp == 0m ? null
        : PcnPortal.Domain.Arrs.Redistribution.ArrsRedistribution.EntitlementWorking(ArrSum, ExtraAllocation, GivenUp);

    /// <summary>What is left of the ring-fenced GP sum (2024/25) after GP claims approved and pending; null in a year without one.</summary>
    public decimal? GpRemaining => GpSum - GpReimbursableSubmitted;

    /// <summary>False when no ARR Sum can be worked out (no usable population or no ARR Sum method): <see cref="ArrSumNotHeld"/> says what to load.</summary>
    public bool ArrSumHeld => ArrSumNotHeld is null;

    /// <summary>Warnings about the population (older list sizes used, with their dates; practices without one; moves).</summary>
    public IReadOnlyList<string> Warnings => PopulationWarnings ?? [];

    /// <summary>What the PCN has claimed that still counts: approved (at the approved amount, paid or not) plus pending.</summary>
    public decimal ReimbursableSubmitted => Approved + Pending;

    /// <summary>The entitlement (ARR Sum with any redistribution) and any ring-fenced GP sum less what is claimed from them (approved and pending).</summary>
    public decimal Remaining => Entitlement + (GpSum ?? 0m) - ReimbursableSubmitted;

    public decimal RemainingAfterForecast => Remaining - Forecast;
}

/// <summary>
/// Every PCN's entitlement for a year and the total: the PCNs of the CCGs this portal serves (Portal:CcgCodes), and any
/// other PCN with claim lines in the year (marked <see cref="PcnEntitlement.OutsideCcg"/>) so that no claimed money is
/// left out of the totals.
/// </summary>
public sealed record EntitlementReport(FinancialYear Year, DateOnly? ForecastFrom, IReadOnlyList<PcnEntitlement> Pcns, ArrSumMethod? Method = null)
{
    /// <summary>
    /// The year's ARR Sum rate with its status and citation, e.g. "£12.30 per weighted patient (rounded figure only;
    /// reported (secondary source)). Source: …", or why there is none.
    /// </summary>
    public string RateStatement => Method is null
        ? $"No ARR Sum method is held for {Year}: every PCN's ARR Sum is shown as not held, not as £0.00 entitlement. An administrator must add it."
        : (Method.Kind == ArrSumKind.PerWeightedPatient
            ? $"ARR Sum rate for {Year}: £{Method.RatePerWeightedPatient.ToString(System.Globalization.CultureInfo.InvariantCulture)} per weighted patient"
            : $"ARR Sum for {Year}: {Method.MonthsFunded}/12 of the {Method.BandRoleCodes.Replace(",", " and ", StringComparison.Ordinal)} maximums per PCN, doubled from {Method.DoubleFromPopulation:N0} and tripled from {Method.TripleFromPopulation:N0} weighted patients")
            + PcnPortal.Domain.Arrs.ArrSum.StatusNote(Method, Year) + ". Source: " + Method.Source + ".";

    /// <summary>The year's ARR Sum status alone, for the CSV.</summary>
    public string RateStatus => Method is null ? "not held" : PcnPortal.Domain.Arrs.ArrSum.StatusNote(Method, Year).Trim().TrimStart('(').TrimEnd(')');

    public decimal ArrSum => Pcns.Sum(p => p.ArrSum);

    /// <summary>The PCNs' ring-fenced GP sums (2024/25); null in a year without one.</summary>
    public decimal? GpSum => Pcns.Any(p => p.GpSum is not null) ? Pcns.Sum(p => p.GpSum ?? 0m) : null;

    public decimal Approved => Pcns.Sum(p => p.Approved);

    public decimal Pending => Pcns.Sum(p => p.Pending);

    public decimal Paid => Pcns.Sum(p => p.Paid);

    /// <summary>Remaining over the PCNs whose ARR Sum is held (a PCN with none held has no remaining figure).</summary>
    public decimal Remaining => Pcns.Where(p => p.ArrSumHeld).Sum(p => p.Remaining);

    public decimal Forecast => Pcns.Sum(p => p.Forecast);

    public decimal RemainingAfterForecast => Pcns.Where(p => p.ArrSumHeld).Sum(p => p.RemainingAfterForecast);
}

/// <summary>A planned post for the what-if forecast (not saved).</summary>
public sealed record PlannedPost(string PcnCode, string RoleCode, decimal Wte, DateOnly StartMonth, decimal AnnualSalary);

/// <summary>
/// Spend against entitlement: ARR Sum per PCN (weighted population as at 1 January), approved, pending (Submitted or
/// Queried), paid and remaining, summed in SQL; and a forecast to year end from staff in post (monthly cost from their
/// latest claim) and any planned posts, through the rules engine. The number of SQL commands does not depend on the
/// number of PCNs. The finance page and <c>export-entitlements</c> both use this query. The every-PCN report
/// without planned posts is kept in <see cref="DataVersionCache"/> until business data changes (or the month
/// the forecast starts from moves on), so the finance page does not run the engine on every request.
/// </summary>
public sealed class ArrsEntitlementQuery(
    PortalDbContext db, ArrsReferenceService reference, ArrsAssessmentService assessment, DataVersionCache cache, PortalOptions portal, TimeProvider clock)
{
    public async Task<EntitlementReport> GetAsync(FinancialYear year, string? pcnCode = null, IReadOnlyList<PlannedPost>? planned = null, CancellationToken cancellationToken = default)
    {
        if (pcnCode is null && (planned is null || planned.Count == 0))
        {
            var key = $"arrs-entitlements:{year.StartYear}:{ForecastFrom(year):yyyy-MM}";
            return await cache.GetOrComputeAsync(db, key, () => ComputeAsync(year, null, null, cancellationToken), cancellationToken);
        }

        return await ComputeAsync(year, pcnCode, planned, cancellationToken);
    }

    private async Task<EntitlementReport> ComputeAsync(FinancialYear year, string? pcnCode, IReadOnlyList<PlannedPost>? planned, CancellationToken cancellationToken)
    {
        var firstDay = year.FirstDay;
        var lastDay = year.LastDay;
        var pcnQuery = db.Pcns.AsNoTracking().Where(p => p.OpenDate <= lastDay && (p.CloseDate == null || p.CloseDate >= firstDay));
        var ccgs = portal.CcgCodes.ToList();
        pcnQuery = pcnCode is not null
            ? pcnQuery.Where(p => p.Code == pcnCode)
            : pcnQuery.Where(p => ccgs.Contains(p.CcgCode) || db.ArrsClaimLines.Any(l => l.PcnId == p.Id && l.FinancialYearStart == year.StartYear));

        var pcns = await pcnQuery.OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.Name, p.CcgCode }).ToListAsync(cancellationToken);
        var ids = pcns.Select(p => p.Id).ToList();
        var data = await reference.LoadAsync(cancellationToken);
        var contexts = await assessment.ContextsAsync(ids, year, cancellationToken);

        var sums = await db.ArrsClaimLines.AsNoTracking()
            .Where(l => l.FinancialYearStart == year.StartYear && ids.Contains(l.PcnId) && l.Status != ArrsClaimStatus.Rejected)
            .GroupBy(l => new { l.PcnId, l.Status, Gp = l.RoleCode == PublishedArrsSchedule.Gp })
            .Select(g => new { g.Key.PcnId, g.Key.Status, g.Key.Gp, Reimbursable = g.Sum(l => l.Reimbursable), Approved = g.Sum(l => l.ApprovedAmount) })
            .ToListAsync(cancellationToken);

        var forecastFrom = ForecastFrom(year);
        var posts = new List<ForecastPost>();
        if (forecastFrom is { } from)
        {
            var staff = await db.ArrsStaff.AsNoTracking()
                .Where(s => ids.Contains(s.PcnId) && s.StartDate <= lastDay && (s.EndDate == null || s.EndDate >= from))
                .OrderBy(s => s.PcnId).ThenBy(s => s.Name).ThenBy(s => s.Id)
                .Select(s => new
                {
                    s.PcnId,
                    s.StaffRef,
                    s.Name,
                    s.RoleCode,
                    s.Wte,
                    s.StartDate,
                    s.EndDate,
                    s.TransferredFromClinicalPharmacistScheme,
                    // The person's latest claim line, as two scalar subqueries that each seek the (staff member, month)
                    // index: read as one row, EF joined a ROW_NUMBER over every claim line (6 s with a national year).
                    LatestMonth = db.ArrsClaimLines
                        .Where(l => l.StaffMemberId == s.Id && l.Status != ArrsClaimStatus.Rejected)
                        .OrderByDescending(l => l.Month).ThenByDescending(l => l.Id)
                        .Select(l => (DateOnly?)l.Month)
                        .FirstOrDefault(),
                    LatestCost = db.ArrsClaimLines
                        .Where(l => l.StaffMemberId == s.Id && l.Status != ArrsClaimStatus.Rejected)
                        .OrderByDescending(l => l.Month).ThenByDescending(l => l.Id)
                        .Select(l => (decimal?)l.ClaimedCost)
                        .FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            var codes = pcns.ToDictionary(p => p.Id, p => p.Code);
            foreach (var s in staff.Where(s => s.LatestMonth is not null))
            {
                var latest = s.LatestMonth!.Value;
                var first = latest.AddMonths(1) > from ? latest.AddMonths(1) : from;
                posts.Add(new ForecastPost(codes[s.PcnId], s.StaffRef, s.Name, s.RoleCode, s.Wte, s.StartDate, s.EndDate, s.LatestCost!.Value, first, s.TransferredFromClinicalPharmacistScheme));
            }

            foreach (var (plan, index) in (planned ?? []).Select((p, i) => (p, i + 1)))
            {
                var start = new DateOnly(plan.StartMonth.Year, plan.StartMonth.Month, 1);
                posts.Add(new ForecastPost(plan.PcnCode, $"PLANNED-{index}", $"Planned post {index}", plan.RoleCode, plan.Wte, start, null,
                    Money.ToPence(plan.AnnualSalary / 12m), start > from ? start : from));
            }
        }

        var forecast = ArrsForecast.Forecast(posts, data, contexts, year).ToLookup(f => f.Post.PcnCode, StringComparer.Ordinal);
        var sumsByPcn = sums.ToLookup(s => s.PcnId);
        var rows = new List<PcnEntitlement>(pcns.Count);
        foreach (var pcn in pcns)
        {
            contexts.TryGetValue(pcn.Code, out var context);
            var population = context?.WeightedPopulation ?? 0;
            var notHeld = EntitlementRule.NotHeldReason(pcn.Code, context, data, year);
            var arrSum = notHeld is not null
                ? new ArrSumResult(0m, $"Not held: {notHeld}")
                : ArrSum.Calculate(data, year, population);
            var gpSum = notHeld is null ? ArrSum.CalculateGpSum(data, year, population) : null;
            var mine = sumsByPcn[pcn.Id];
            var gpSubmitted = gpSum is null ? 0m
                : mine.Where(s => s.Gp && s.Status is ArrsClaimStatus.Approved or ArrsClaimStatus.Paid).Sum(s => s.Approved ?? 0m)
                + mine.Where(s => s.Gp && s.Status is ArrsClaimStatus.Submitted or ArrsClaimStatus.Queried).Sum(s => s.Reimbursable);
            var approved = mine.Where(s => s.Status is ArrsClaimStatus.Approved or ArrsClaimStatus.Paid).Sum(s => s.Approved ?? 0m);
            var paid = mine.Where(s => s.Status is ArrsClaimStatus.Paid).Sum(s => s.Approved ?? 0m);
            var pending = mine.Where(s => s.Status is ArrsClaimStatus.Submitted or ArrsClaimStatus.Queried).Sum(s => s.Reimbursable);
            var pcnForecast = forecast[pcn.Code].ToList();
            rows.Add(new PcnEntitlement(
                pcn.Code, pcn.Name, population, year.PopulationDate, arrSum.Amount,
                notHeld is null ? Basis(arrSum.Explanation, year, context?.PopulationNote ?? "") : arrSum.Explanation,
                approved, pending, paid, pcnForecast.Sum(f => f.Reimbursable), pcnForecast, !ccgs.Contains(pcn.CcgCode), notHeld, context?.PopulationWarnings ?? [],
                gpSum?.Amount, gpSum is null ? null : Basis(gpSum.Explanation, year, context?.PopulationNote ?? ""), gpSubmitted,
                context?.ExtraAllocation ?? 0m, context?.GivenUp ?? 0m));
        }

        return new EntitlementReport(year, forecastFrom, rows, data.ArrSumMethodFor(year));
    }

    /// <summary>
    /// "£22.894 × 41,204 weighted patients as at 1 January 2024": the engine's explanation without the repeated
    /// amount, with the population date.
    /// </summary>
    private static string Basis(string explanation, FinancialYear year, string populationNote)
    {
        var equals = explanation.IndexOf(" = ", StringComparison.Ordinal);
        var basis = equals >= 0 ? explanation[(equals + 3)..] : explanation;
        var suffix = $" ({year}).";
        if (basis.EndsWith(suffix, StringComparison.Ordinal))
        {
            basis = basis[..^suffix.Length];
        }

        var asAt = $"{basis} as at {year.PopulationDate.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}";
        return populationNote.Length > 0 ? $"{asAt} ({populationNote})" : asAt;
    }

    /// <summary>The first month still to come in the year (this month if the year is current), or null when the year is over.</summary>
    public DateOnly? ForecastFrom(FinancialYear year)
    {
        var today = clock.Today();
        if (today > year.LastDay)
        {
            return null;
        }

        return today < year.FirstDay ? year.FirstDay : new DateOnly(today.Year, today.Month, 1);
    }
}
