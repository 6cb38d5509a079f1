using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Files;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>
/// The claims export (contract.md): input columns, then financial_year, claimed_cost, max_for_period, rate, reimbursable,
/// status and one column per rule code; then rate_status, the status of the rate and maximum the line was assessed
/// against (e.g. "carried forward from 1 October 2024: no published figure for June 2025 held"); then approved_amount and
/// override_reason, why a reviewer approved a line that failed a rule (blank otherwise).
/// </summary>
public sealed class ArrsClaimExporter(PortalDbContext db, ArrsReferenceService reference)
{
    public static IReadOnlyList<string> Header =>
        [.. ArrsClaimCsv.Columns, "financial_year", "claimed_cost", "max_for_period", "rate", "reimbursable", "status", .. ArrsAssessment.RuleCodes, "rate_status", "approved_amount", "override_reason"];

    public async Task<(string Csv, int Lines)> ExportAsync(FinancialYear year, string? pcnCode, CancellationToken cancellationToken = default)
    {
        var query = db.ArrsClaimLines.AsNoTracking().Where(l => l.FinancialYearStart == year.StartYear);
        if (pcnCode is not null)
        {
            query = query.Where(l => l.Pcn!.Code == pcnCode);
        }

        var lines = await query.OrderBy(l => l.Pcn!.Code).ThenBy(l => l.Month).ThenBy(l => l.StaffRef).ThenBy(l => l.Id)
            .Select(l => new { Line = l, PcnCode = l.Pcn!.Code })
            .ToListAsync(cancellationToken);

        // Each rule's outcome from the line's stored checks; outcome rows for lines last assessed before them (ADR 0014).
        var legacy = (await db.ArrsClaimOutcomes.AsNoTracking().Where(o => query.Where(l => l.RuleChecks == null).Select(l => l.Id).Contains(o.ClaimLineId))
            .Select(o => new { o.ClaimLineId, o.Code, o.Severity }).ToListAsync(cancellationToken))
            .ToLookup(o => o.ClaimLineId);
        var data = await reference.LoadAsync(cancellationToken);
        var tiers = await db.ArrsPcnAreaTiers.AsNoTracking().Select(t => new { t.Pcn!.Code, t.Tier }).ToDictionaryAsync(t => t.Code, t => t.Tier, StringComparer.Ordinal, cancellationToken);
        var csv = new StringBuilder().AppendRow(Header);
        foreach (var item in lines)
        {
            var l = item.Line;
            var cells = new List<string?>
            {
                item.PcnCode, l.StaffRef, l.StaffName, l.RoleCode, l.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), CsvCells.Number(l.Wte),
                l.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), l.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                CsvCells.Money(l.Salary), CsvCells.Money(l.EmployerNi), CsvCells.Money(l.EmployerPension), CsvCells.Money(l.OtherOnCosts),
                CsvCells.Money(l.ThirdPartyFee), l.Notes, year.ToString(), CsvCells.Money(l.ClaimedCost), CsvCells.Money(l.MaxForPeriod),
                l.Rate.ToString("0.00", CultureInfo.InvariantCulture), CsvCells.Money(l.Reimbursable), l.Status.ToString(),
            };
            foreach (var code in ArrsAssessment.RuleCodes)
            {
                var severity = l.RuleChecks is { } checks ? ArrsStoredAssessment.SeverityOf(checks, code) : legacy[l.Id].FirstOrDefault(o => o.Code == code)?.Severity;
                cells.Add(severity is null ? "" : severity.Value.ToString().ToLowerInvariant());
            }

            var entry = data.RateInForce(l.RoleCode, tiers.GetValueOrDefault(item.PcnCode, AreaTier.National), l.Month);
            cells.Add(entry is null ? "no rate held" : entry.MaxReimbursablePerWteYear is null ? "no published maximum held" : RateRule.StatusOf(entry, l.Month));
            cells.Add(l.ApprovedAmount is { } approved ? CsvCells.Money(approved) : null);
            cells.Add(l.OverrideReason);

            csv.AppendRow(cells);
        }

        return (csv.ToString(), lines.Count);
    }
}
