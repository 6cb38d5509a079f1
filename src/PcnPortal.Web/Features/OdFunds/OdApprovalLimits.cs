using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.OdFunds;

/// <summary>
/// The figures <see cref="ApprovalLimits"/> needs, read from the database: the PCN's share in the fund's approved allocation,
/// and what is already committed (every approval becomes one payment row, so payments are the approvals) for the PCN and the fund.
/// </summary>
public static class OdApprovalLimits
{
    /// <summary>Checks approving <paramref name="amount"/> for <paramref name="eoi"/> (a new approval: no payment row for it yet).</summary>
    public static async Task<IReadOnlyList<RuleOutcome>> CheckApprovalAsync(PortalDbContext db, OdEoi eoi, decimal amount, CancellationToken cancellationToken)
    {
        var (share, forPcn, forFund, distributable) = await FiguresAsync(db, eoi.FundId, eoi.PcnCode, excludePaymentId: null, paidOnly: false, cancellationToken);
        return ApprovalLimits.Check(amount, eoi.Total, share, forPcn, distributable, forFund);
    }

    /// <summary>
    /// Checks paying <paramref name="payment"/> now: no more than its EOI's request and approved amount, and with what is already
    /// paid, within the PCN's share and the fund's distributable amount.
    /// </summary>
    public static async Task<IReadOnlyList<RuleOutcome>> CheckPaymentAsync(PortalDbContext db, OdPayment payment, CancellationToken cancellationToken)
    {
        var eoi = await db.OdEois.AsNoTracking().Include(e => e.Lines).Include(e => e.Decisions).SingleOrDefaultAsync(e => e.Id == payment.EoiId, cancellationToken);
        if (eoi is null || eoi.Status is not (EoiStatus.Approved or EoiStatus.ApprovedWithConditions))
        {
            return [RuleOutcome.Fail(ApprovalLimits.RequestCode, "The expression of interest behind this payment is not approved, so it cannot be paid.")];
        }

        var approved = eoi.Decisions.Where(d => !d.IsPending).OrderByDescending(d => d.Id).Select(d => d.ApprovedAmount).FirstOrDefault() ?? 0m;
        var failures = new List<RuleOutcome>();
        if (payment.Amount > approved)
        {
            failures.Add(RuleOutcome.Fail(ApprovalLimits.RequestCode, $"{Money.Format(payment.Amount)} is more than the {Money.Format(approved)} the panel approved."));
        }

        var (share, forPcn, forFund, distributable) = await FiguresAsync(db, payment.FundId, payment.PcnCode, payment.Id, paidOnly: true, cancellationToken);
        failures.AddRange(ApprovalLimits.Check(payment.Amount, eoi.Total, share, forPcn, distributable, forFund));
        return failures;
    }

    private static async Task<(decimal Share, decimal ForPcn, decimal ForFund, decimal Distributable)> FiguresAsync(
        PortalDbContext db, int fundId, string pcnCode, int? excludePaymentId, bool paidOnly, CancellationToken cancellationToken)
    {
        var fund = await db.OdFunds.AsNoTracking().SingleAsync(f => f.Id == fundId, cancellationToken);
        var share = await db.OdAllocationShares.AsNoTracking()
            .Where(s => s.PcnCode == pcnCode && db.OdAllocationVersions.Any(v => v.Id == s.AllocationVersionId && v.FundId == fundId && v.Status == OdAllocationStatus.Approved))
            .Select(s => s.Amount)
            .ToListAsync(cancellationToken);

        // Summed in memory: SQLite cannot SUM a decimal column.
        var payments = await db.OdPayments.AsNoTracking()
            .Where(p => p.FundId == fundId && (excludePaymentId == null || p.Id != excludePaymentId) && (!paidOnly || p.PaidDate != null))
            .Select(p => new { p.PcnCode, p.Amount })
            .ToListAsync(cancellationToken);
        var forPcn = payments.Where(p => string.Equals(p.PcnCode, pcnCode, StringComparison.OrdinalIgnoreCase)).Sum(p => p.Amount);
        return (share.Sum(), forPcn, payments.Sum(p => p.Amount), fund.ToDomain().Distributable);
    }
}
