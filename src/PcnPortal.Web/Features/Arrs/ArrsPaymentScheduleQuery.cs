using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Files;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>One PCN-month of the payment schedule: approved lines still to pay, lines already paid, and how many of them were approved by override of a failed rule.</summary>
public sealed record PaymentScheduleRow(string PcnCode, string PcnName, DateOnly Month, int LinesToPay, decimal ToPay, int LinesPaid, decimal Paid, DateOnly? PaidOn, int LinesOverridden = 0);

/// <summary>The monthly payment schedule of approved claim lines per PCN per month, summed in SQL.</summary>
public sealed class ArrsPaymentScheduleQuery(PortalDbContext db, ArrsDecisionService decisions)
{
    public static readonly IReadOnlyList<string> Header = ["pcn_code", "pcn_name", "month", "lines_to_pay", "to_pay", "lines_paid", "paid", "paid_on", "lines_approved_by_override"];

    public async Task<List<PaymentScheduleRow>> GetAsync(FinancialYear year, CancellationToken cancellationToken = default)
    {
        var groups = await db.ArrsClaimLines.AsNoTracking()
            .Where(l => l.FinancialYearStart == year.StartYear && (l.Status == ArrsClaimStatus.Approved || l.Status == ArrsClaimStatus.Paid))
            .GroupBy(l => new { l.Pcn!.Code, l.Pcn.Name, l.Month, l.Status })
            .Select(g => new { g.Key.Code, g.Key.Name, g.Key.Month, g.Key.Status, Lines = g.Count(), Amount = g.Sum(l => l.ApprovedAmount), PaidOn = g.Max(l => l.PaidOn), Overridden = g.Count(l => l.OverrideReason != null) })
            .ToListAsync(cancellationToken);
        return groups
            .GroupBy(g => new { g.Code, g.Name, g.Month })
            .Select(g =>
            {
                var toPay = g.FirstOrDefault(x => x.Status == ArrsClaimStatus.Approved);
                var paid = g.FirstOrDefault(x => x.Status == ArrsClaimStatus.Paid);
                return new PaymentScheduleRow(g.Key.Code, g.Key.Name, g.Key.Month, toPay?.Lines ?? 0, toPay?.Amount ?? 0m, paid?.Lines ?? 0, paid?.Amount ?? 0m, paid?.PaidOn, g.Sum(x => x.Overridden));
            })
            .OrderBy(r => r.Month).ThenBy(r => r.PcnCode)
            .ToList();
    }

    public static string ToCsv(IEnumerable<PaymentScheduleRow> rows)
    {
        var csv = new StringBuilder().AppendRow(Header);
        foreach (var r in rows)
        {
            csv.AppendRow([
                r.PcnCode, r.PcnName, r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), r.LinesToPay.ToString(CultureInfo.InvariantCulture), CsvCells.Money(r.ToPay),
                r.LinesPaid.ToString(CultureInfo.InvariantCulture), CsvCells.Money(r.Paid), r.PaidOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.LinesOverridden.ToString(CultureInfo.InvariantCulture),
            ]);
        }

        return csv.ToString();
    }

    /// <summary>Marks every approved line of the PCN-month paid on the date, in one save (all or nothing). Returns how many.</summary>
    public async Task<int> MarkPaidAsync(string pcnCode, DateOnly month, DateOnly paidOn, CancellationToken cancellationToken = default)
    {
        var ids = await db.ArrsClaimLines.AsNoTracking()
            .Where(l => l.Pcn!.Code == pcnCode && l.Month == month && l.Status == ArrsClaimStatus.Approved)
            .Select(l => l.Id)
            .ToListAsync(cancellationToken);
        return ids.Count == 0 ? 0 : await decisions.MarkPaidAsync(ids, paidOn, cancellationToken);
    }
}
