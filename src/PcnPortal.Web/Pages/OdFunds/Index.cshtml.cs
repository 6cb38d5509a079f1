using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Features.OdFunds;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.OdFunds;

/// <summary>
/// Commissioners see every fund with its totals; a PCN user sees the funds open to expressions of interest (and those their PCN
/// has an EOI in), with their own PCN's share and EOI only.
/// </summary>
[Authorize(Policy = PortalPolicies.PcnOrCommissioner)]
public sealed class IndexModel(PortalDbContext db, OdFundReportQuery reports, ICurrentUser currentUser, PcnScope scope) : PageModel
{
    public IReadOnlyList<OdFundReport> Funds { get; private set; } = [];

    public List<PcnFundRow> PcnFunds { get; private set; } = [];

    public bool IsPcnUser => scope.IsPcnUser;

    public bool IsFinance => currentUser.IsInRole(PortalRoles.CommissionerFinance) || currentUser.IsInRole(PortalRoles.Administrator);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!scope.IsPcnUser)
        {
            Funds = await reports.ListAsync(cancellationToken: cancellationToken);
            return;
        }

        var code = scope.OwnPcnCode!;
        PcnFunds = await db.OdFunds.AsNoTracking()
            .Where(f => f.Status == OdFundStatus.Open || db.OdEois.Any(e => e.FundId == f.Id && e.PcnCode == code))
            .OrderByDescending(f => f.StartYear)
            .Select(f => new PcnFundRow(
                f.Id, f.Name, f.StartYear, f.Status, f.EoiDeadline,
                db.OdAllocationShares.Where(s => s.PcnCode == code && db.OdAllocationVersions.Any(v => v.Id == s.AllocationVersionId && v.FundId == f.Id && v.Status == OdAllocationStatus.Approved)).Select(s => (decimal?)s.Amount).FirstOrDefault(),
                db.OdEois.Where(e => e.FundId == f.Id && e.PcnCode == code).Select(e => (int?)e.Id).FirstOrDefault(),
                db.OdEois.Where(e => e.FundId == f.Id && e.PcnCode == code).Select(e => (EoiStatus?)e.Status).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    public sealed record PcnFundRow(int FundId, string Name, int StartYear, OdFundStatus Status, DateOnly EoiDeadline, decimal? Share, int? EoiId, EoiStatus? EoiStatus);
}
