using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Papers.Sections;

/// <summary>
/// The ARRS position for the financial year containing the date: spend against each PCN's ARR Sum with the forecast
/// to year end, claims received and approved by role with WTE, and the maximum reimbursable amounts in force.
/// </summary>
public sealed class ArrsSection(PortalDbContext db, ArrsEntitlementQuery entitlements) : IPaperDataSection
{
    public string Key => "arrs";

    public string Title => "ARRS position";

    public string Description => "Additional Roles Reimbursement Scheme for the financial year: spend against each PCN's ARR Sum and the forecast, claims by role with WTE, and the maximum reimbursable amounts.";

    public string? DetailOption => "Show spend against ARR Sum for every PCN (otherwise the CCG totals only)";

    public async Task<PaperSectionSnapshot> BuildAsync(DateOnly asAt, PaperSectionOptions options, CancellationToken cancellationToken)
    {
        var year = FinancialYear.Containing(asAt);
        var blocks = new List<SnapshotBlock>();

        var byRole = await db.ArrsClaimLines.AsNoTracking()
            .Where(l => l.FinancialYearStart == year.StartYear)
            .GroupBy(l => l.RoleCode)
            .Select(g => new
            {
                Role = g.Key,
                Lines = g.Count(),
                Approved = g.Count(l => l.Status == ArrsClaimStatus.Approved || l.Status == ArrsClaimStatus.Paid),
                Claimed = g.Sum(l => l.ClaimedCost),
                ApprovedAmount = g.Sum(l => l.ApprovedAmount ?? 0m),
                LatestMonth = g.Max(l => l.Month),
            })
            .ToListAsync(cancellationToken);
        var latestMonth = byRole.Count == 0 ? (DateOnly?)null : byRole.Max(r => r.LatestMonth);
        var wteByRole = latestMonth is null
            ? []
            : await db.ArrsClaimLines.AsNoTracking()
                .Where(l => l.FinancialYearStart == year.StartYear && l.Month == latestMonth && l.Status != ArrsClaimStatus.Rejected)
                .GroupBy(l => l.RoleCode)
                .Select(g => new { Role = g.Key, Wte = g.Sum(l => l.Wte) })
                .ToDictionaryAsync(x => x.Role, x => x.Wte, cancellationToken);
        var roleNames = await db.ArrsRoles.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        string RoleName(string code) => roleNames.TryGetValue(code, out var name) ? name : code;

        if (byRole.Count == 0)
        {
            blocks.Add(SnapshotBlock.Paragraph($"No ARRS claims have been received for {year}, so there is no spend to report."));
        }
        else
        {
            var report = await entitlements.GetAsync(year, cancellationToken: cancellationToken);
            blocks.Add(SnapshotBlock.Paragraph(
                $"For {year} the CCG's PCNs are entitled to {PaperFormat.Money(report.ArrSum)} in all (the ARR Sum). {PaperFormat.Money(report.Approved)} has been approved " +
                $"({PaperFormat.Money(report.Paid)} paid) and {PaperFormat.Money(report.Pending)} is awaiting a decision, leaving {PaperFormat.Money(report.Remaining)}. " +
                (report.ForecastFrom is { } from
                    ? $"From {PaperFormat.Date(from)} to the year end, staff in post are forecast to cost {PaperFormat.Money(report.Forecast)} more, leaving {PaperFormat.Money(report.RemainingAfterForecast)}. "
                    : string.Empty) +
                "Unused entitlement cannot be carried into the next year. " + report.RateStatement));

            if (options.ShowDetail && report.Pcns.Count > 0)
            {
                var pcns = report.Pcns.ToList();
                var share = pcns.Where(p => p.ArrSum > 0).Select(p => (p.PcnName, Share: p.Approved / p.ArrSum)).OrderByDescending(p => p.Share).ToList();
                var alt = $"Bar chart of approved ARRS spend against ARR Sum for {pcns.Count} PCNs, {year}. In all {PaperFormat.WholePounds(report.Approved)} of " +
                    $"{PaperFormat.WholePounds(report.ArrSum)} has been approved ({(report.ArrSum == 0 ? 0 : Math.Round(report.Approved / report.ArrSum * 100)):0}%)." +
                    (share.Count > 1 ? $" Highest share: {share[0].PcnName}, {Math.Round(share[0].Share * 100):0}%; lowest: {share[^1].PcnName}, {Math.Round(share[^1].Share * 100):0}%." : "") +
                    " The table after the figure gives every PCN's figures.";
                blocks.Add(SnapshotBlock.Of(new SnapshotChart(
                    SnapshotChart.Bars,
                    $"Figure: ARRS spend approved against ARR Sum by PCN, {year}",
                    alt,
                    [.. pcns.Select(p => p.PcnName)],
                    Series:
                    [
                        new SnapshotSeries("Approved", [.. pcns.Select(p => (double)p.Approved)], [.. pcns.Select(p => PaperFormat.WholePounds(p.Approved))]),
                        new SnapshotSeries("ARR Sum", [.. pcns.Select(p => (double)p.ArrSum)], [.. pcns.Select(p => PaperFormat.WholePounds(p.ArrSum))]),
                    ])));
            }

            var pcnRows = options.ShowDetail
                ? report.Pcns.Select(p => (IReadOnlyList<SnapshotCell>)
                [
                    $"{p.PcnName} ({p.PcnCode})", PaperFormat.WholePounds(p.ArrSum), PaperFormat.WholePounds(p.Approved), PaperFormat.WholePounds(p.Pending),
                    PaperFormat.WholePounds(p.Remaining), PaperFormat.WholePounds(p.Forecast), new SnapshotCell(PaperFormat.WholePounds(p.RemainingAfterForecast), Bold: p.RemainingAfterForecast < 0),
                ]).ToList()
                : [];
            pcnRows.Add([
                new SnapshotCell("CCG total", Bold: true), new SnapshotCell(PaperFormat.WholePounds(report.ArrSum), Bold: true), new SnapshotCell(PaperFormat.WholePounds(report.Approved), Bold: true),
                new SnapshotCell(PaperFormat.WholePounds(report.Pending), Bold: true), new SnapshotCell(PaperFormat.WholePounds(report.Remaining), Bold: true),
                new SnapshotCell(PaperFormat.WholePounds(report.Forecast), Bold: true), new SnapshotCell(PaperFormat.WholePounds(report.RemainingAfterForecast), Bold: true),
            ]);
            blocks.Add(SnapshotBlock.Of(new SnapshotTable(
                $"Spend against ARR Sum, {year} (whole pounds)",
                [new("PCN", 2.4f), SnapshotColumn.Number("ARR Sum", 1.3f), SnapshotColumn.Number("Approved", 1.3f), SnapshotColumn.Number("Pending", 1.2f),
                 SnapshotColumn.Number("Remaining", 1.3f), SnapshotColumn.Number("Forecast", 1.2f), SnapshotColumn.Number("After forecast", 1.3f)],
                pcnRows)));

            var roleRows = byRole.OrderBy(r => RoleName(r.Role), StringComparer.Ordinal).Select(r => (IReadOnlyList<SnapshotCell>)
            [
                RoleName(r.Role), PaperFormat.Count(r.Lines), PaperFormat.Count(r.Approved),
                PaperFormat.Number(wteByRole.GetValueOrDefault(r.Role), 2), PaperFormat.Money(r.Claimed), PaperFormat.Money(r.ApprovedAmount),
            ]).ToList();
            roleRows.Add([
                new SnapshotCell("All roles", Bold: true), new SnapshotCell(PaperFormat.Count(byRole.Sum(r => r.Lines)), Bold: true),
                new SnapshotCell(PaperFormat.Count(byRole.Sum(r => r.Approved)), Bold: true), new SnapshotCell(PaperFormat.Number(wteByRole.Values.Sum(), 2), Bold: true),
                new SnapshotCell(PaperFormat.Money(byRole.Sum(r => r.Claimed)), Bold: true), new SnapshotCell(PaperFormat.Money(byRole.Sum(r => r.ApprovedAmount)), Bold: true),
            ]);
            blocks.Add(SnapshotBlock.Of(new SnapshotTable(
                $"Claims by role, {year} (WTE in post in {latestMonth:MMMM yyyy})",
                [new("Role", 2.6f), SnapshotColumn.Number("Claim lines", 1), SnapshotColumn.Number("Approved", 1), SnapshotColumn.Number("WTE", 0.9f),
                 SnapshotColumn.Number("Claimed cost", 1.4f), SnapshotColumn.Number("Approved amount", 1.4f)],
                roleRows)));
        }

        // The maximum reimbursable amounts: the national schedule in force at the start of the year, and any change during it.
        var entries = await db.ArrsRateEntries.AsNoTracking()
            .Where(e => e.AreaTier == AreaTier.National && e.EffectiveFrom <= year.LastDay)
            .ToListAsync(cancellationToken);
        var schedule = entries
            .GroupBy(e => e.RoleCode)
            .SelectMany(g =>
            {
                var ordered = g.OrderBy(e => e.EffectiveFrom).ToList();
                var atStart = ordered.LastOrDefault(e => e.EffectiveFrom <= year.FirstDay);
                return ordered.Where(e => e == atStart || e.EffectiveFrom > year.FirstDay);
            })
            .OrderBy(e => RoleName(e.RoleCode), StringComparer.Ordinal).ThenBy(e => e.EffectiveFrom)
            .Select(e =>
            {
                var from = e.EffectiveFrom <= year.FirstDay ? year.FirstDay : e.EffectiveFrom;
                return (IReadOnlyList<SnapshotCell>)
                [
                    RoleName(e.RoleCode), e.EffectiveFrom <= year.FirstDay ? $"1 April {year.StartYear}" : PaperFormat.Date(e.EffectiveFrom),
                    $"{PaperFormat.Number(e.ReimbursementRate * 100, 0)}%",
                    e.MaxReimbursablePerWteYear is { } max ? PaperFormat.Money(max) : "none held",
                    e.MaxReimbursablePerWteYear is null ? "no published maximum held: lines pay £0" : Status(e, from),
                ];
            })
            .ToList();
        // Every figure the section relies on that is not published for the year (carried forward, reported from a secondary
        // source, unverified): named, so finalising asks for the secretary's acknowledgement and the paper prints it.
        var unpublished = new UnpublishedFigures(year);
        var method = await db.ArrSumMethods.AsNoTracking().Where(m => m.FinancialYearStart <= year.StartYear)
            .OrderByDescending(m => m.FinancialYearStart).FirstOrDefaultAsync(cancellationToken);
        if (method is not null)
        {
            unpublished.Add("the ARR Sum rate", null, method, new FinancialYear(method.FinancialYearStart));
        }

        foreach (var e in entries
                     .GroupBy(e => e.RoleCode)
                     .SelectMany(g =>
                     {
                         var ordered = g.OrderBy(e => e.EffectiveFrom).ToList();
                         var atStart = ordered.LastOrDefault(e => e.EffectiveFrom <= year.FirstDay);
                         return ordered.Where(e => e == atStart || e.EffectiveFrom > year.FirstDay);
                     })
                     .Where(e => e.MaxReimbursablePerWteYear is not null)
                     .OrderBy(e => RoleName(e.RoleCode), StringComparer.Ordinal))
        {
            unpublished.Add("maximum reimbursable amounts", RoleName(e.RoleCode), e, FinancialYear.Containing(e.EffectiveFrom));
        }

        blocks.Add(schedule.Count == 0
            ? SnapshotBlock.Paragraph($"No maximum reimbursable amounts are recorded for {year}.")
            : SnapshotBlock.Of(new SnapshotTable(
                $"Maximum reimbursable amounts per WTE per year, {year} (national)",
                [new("Role", 2.4f), new("From", 1.2f), SnapshotColumn.Number("Reimbursed", 0.9f), SnapshotColumn.Number("Maximum", 1.1f), new("Status of the figure", 2.6f)],
                schedule)));
        if (schedule.Count > 0)
        {
            blocks.Add(SnapshotBlock.Paragraph("Sources of the maximums are listed with each figure under ARRS reference data (docs/arrs-reference-figures.md); statuses are published, reported (secondary source), unverified, or carried forward from a named earlier date where no figure for the period is held."));
        }

        return new PaperSectionSnapshot(Key, asAt, blocks) { Unverified = unpublished.Sentences() };
    }

    /// <summary>"reported (secondary source)", or "maximum for 2026/27 carried forward from 1 October 2024: no published figure for 2026/27 held".</summary>
    private static string Status(RoleRateEntry entry, DateOnly from) =>
        entry.Status == FigureStatus.CarriedForward || from > entry.EffectiveFrom && FinancialYear.Containing(from) != FinancialYear.Containing(entry.EffectiveFrom)
            ? $"maximum for {FinancialYear.Containing(from)} " + (entry.Status == FigureStatus.CarriedForward
                ? FigureStatusText.Describe(entry, FinancialYear.Containing(from).ToString())
                : $"carried forward from {PaperFormat.Date(entry.EffectiveFrom)}: no published figure for {FinancialYear.Containing(from)} held")
            : FigureStatusText.Describe(entry, PaperFormat.Date(from));
}
