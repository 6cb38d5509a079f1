using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Files;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>One PCN-month of the payment schedule: approved lines still to pay, lines already paid, and how many of them were approved by override of a failed rule.</summary>
public sealed record PaymentScheduleRow(string PcnCode, string PcnName, DateOnly Month, int LinesToPay, decimal ToPay, int LinesPaid, decimal Paid, DateOnly? PaidOn, int LinesOverridden = 0, string? PaymentReference = null);

/// <summary>A claim month with approved lines waiting for payment.</summary>
public sealed record PaymentWaitingMonth(DateOnly Month, int Lines, decimal Amount);

public enum PaymentRunOutcome
{
    Done,

    /// <summary>No approved line of the month is waiting for payment (someone may have marked them paid already).</summary>
    NothingToPay,

    /// <summary>The month's approved lines are not the ones finance saw (a line approved or paid since): nothing was saved.</summary>
    Changed,
}

/// <summary>What a payment run did: the outcome, and the lines and total it marked paid (or, when changed, the month's lines now).</summary>
public sealed record PaymentRunResult(PaymentRunOutcome Outcome, int Lines, decimal Total, int Pcns);

/// <summary>The monthly payment schedule of approved claim lines per PCN per month, summed in SQL, and the monthly payment run.</summary>
public sealed class ArrsPaymentScheduleQuery(PortalDbContext db)
{
    public static readonly IReadOnlyList<string> Header = ["pcn_code", "pcn_name", "month", "lines_to_pay", "to_pay", "lines_paid", "paid", "paid_on", "lines_approved_by_override", "payment_reference"];

    public async Task<List<PaymentScheduleRow>> GetAsync(FinancialYear year, CancellationToken cancellationToken = default)
    {
        var groups = await db.ArrsClaimLines.AsNoTracking()
            .Where(l => l.FinancialYearStart == year.StartYear && (l.Status == ArrsClaimStatus.Approved || l.Status == ArrsClaimStatus.Paid))
            .GroupBy(l => new { l.Pcn!.Code, l.Pcn.Name, l.Month, l.Status })
            .Select(g => new { g.Key.Code, g.Key.Name, g.Key.Month, g.Key.Status, Lines = g.Count(), Amount = g.Sum(l => l.ApprovedAmount), PaidOn = g.Max(l => l.PaidOn), Reference = g.Max(l => l.PaymentReference), Overridden = g.Count(l => l.OverrideReason != null) })
            .ToListAsync(cancellationToken);
        return groups
            .GroupBy(g => new { g.Code, g.Name, g.Month })
            .Select(g =>
            {
                var toPay = g.FirstOrDefault(x => x.Status == ArrsClaimStatus.Approved);
                var paid = g.FirstOrDefault(x => x.Status == ArrsClaimStatus.Paid);
                return new PaymentScheduleRow(g.Key.Code, g.Key.Name, g.Key.Month, toPay?.Lines ?? 0, toPay?.Amount ?? 0m, paid?.Lines ?? 0, paid?.Amount ?? 0m, paid?.PaidOn, g.Sum(x => x.Overridden), paid?.Reference);
            })
            .OrderByDescending(r => r.Month).ThenBy(r => r.PcnCode)
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
                r.LinesOverridden.ToString(CultureInfo.InvariantCulture), r.PaymentReference,
            ]);
        }

        return csv.ToString();
    }

    /// <summary>The claim months with approved lines waiting for payment, in any year, newest first.</summary>
    public async Task<List<PaymentWaitingMonth>> WaitingMonthsAsync(CancellationToken cancellationToken = default)
    {
        var months = await db.ArrsClaimLines.AsNoTracking()
            .Where(l => l.Status == ArrsClaimStatus.Approved)
            .GroupBy(l => l.Month)
            .Select(g => new { Month = g.Key, Lines = g.Count(), Amount = g.Sum(l => l.ApprovedAmount) })
            .ToListAsync(cancellationToken);
        return months.Select(m => new PaymentWaitingMonth(m.Month, m.Lines, m.Amount ?? 0m)).OrderByDescending(m => m.Month).ToList();
    }

    /// <summary>
    /// Marks every approved line of the claim month paid on the date with the payment reference, in one save (each line
    /// audited; all or nothing). The lines must be the ones finance saw: the same number at the same total, or nothing is saved.
    /// </summary>
    public async Task<PaymentRunResult> MarkRunPaidAsync(DateOnly month, int expectedLines, decimal expectedTotal, string reference, DateOnly paidOn, CancellationToken cancellationToken = default)
    {
        var lines = await db.ArrsClaimLines.Where(l => l.Month == month && l.Status == ArrsClaimStatus.Approved).ToListAsync(cancellationToken);
        var total = lines.Sum(l => l.ApprovedAmount ?? 0m);
        var pcns = lines.Select(l => l.PcnId).Distinct().Count();
        if (lines.Count == 0)
        {
            return new PaymentRunResult(PaymentRunOutcome.NothingToPay, 0, 0m, 0);
        }

        if (lines.Count != expectedLines || total != expectedTotal)
        {
            return new PaymentRunResult(PaymentRunOutcome.Changed, lines.Count, total, pcns);
        }

        foreach (var line in lines)
        {
            line.Status = ArrsClaimStatus.Paid;
            line.PaidOn = paidOn;
            line.PaymentReference = reference.Trim();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var now = (await GetAsync(FinancialYear.Containing(month), cancellationToken)).Where(r => r.Month == month && r.LinesToPay > 0).ToList();
            return new PaymentRunResult(PaymentRunOutcome.Changed, now.Sum(r => r.LinesToPay), now.Sum(r => r.ToPay), now.Count);
        }

        return new PaymentRunResult(PaymentRunOutcome.Done, lines.Count, total, pcns);
    }
}
