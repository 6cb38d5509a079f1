using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Maturity;
using PcnPortal.Web.Features.Maturity;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Maturity.Returns;

[Authorize(Policy = PortalPolicies.PcnOrCommissioner)]
public sealed class IndexModel(MaturityReturnService returns, PcnScope scope) : PageModel
{
    public MaturityReturn Return { get; private set; } = null!;

    public MaturityReturn? Previous { get; private set; }

    public bool CanEdit { get; private set; }

    public bool IsCommissioner { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var ret = await returns.FindAsync(id, tracking: false, cancellationToken);
        if (ret is null)
        {
            return NotFound();
        }

        Return = ret;
        Previous = await returns.PreviousAsync(ret, cancellationToken);
        CanEdit = returns.CanEdit(ret);
        IsCommissioner = !scope.IsPcnUser;
        Today = returns.Today;
        return Page();
    }

    public bool IsLate => Return.SubmittedOn is { } d && d > Return.Round!.DueDate;
}
