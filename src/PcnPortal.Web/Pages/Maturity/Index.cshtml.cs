using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Maturity;
using PcnPortal.Web.Features.Maturity;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Maturity;

[Authorize(Policy = PortalPolicies.PcnOrCommissioner)]
public sealed class IndexModel(MaturityRoundService rounds, PortalDbContext db, PcnScope scope) : PageModel
{
    public bool IsPcnUser { get; private set; }

    public List<MaturityRoundService.RoundRow> Rounds { get; private set; } = [];

    public List<OwnReturn> OwnReturns { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = rounds.Today;
        IsPcnUser = scope.IsPcnUser;
        if (IsPcnUser)
        {
            var code = scope.OwnPcnCode;
            var rows = await db.MaturityReturns.AsNoTracking().Where(r => r.Pcn!.Code == code)
                .OrderByDescending(r => r.Round!.YearStart)
                .Select(r => new { r.Id, r.Round!.YearStart, r.Round.DueDate, r.Status, r.SubmittedOn, PcnName = r.Pcn!.Name })
                .ToListAsync(cancellationToken);
            OwnReturns = [.. rows.Select(r => new OwnReturn(r.Id, new FinancialYear(r.YearStart), r.DueDate, r.Status, r.SubmittedOn, r.PcnName))];
        }
        else
        {
            Rounds = await rounds.ListAsync(cancellationToken);
        }
    }

    public sealed record OwnReturn(int Id, FinancialYear Year, DateOnly DueDate, MaturityReturnStatus Status, DateOnly? SubmittedOn, string PcnName);
}
