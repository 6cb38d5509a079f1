using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Access;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Access;

/// <summary>One PCN's access: the weekly requirement today with the working, its plans, adjusted populations and quarterly declarations.</summary>
[Authorize(Policy = PortalPolicies.PcnOrCommissioner)]
public sealed class PcnModel(AccessQueries queries, PcnScope scope, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    public AccessPcnView View { get; private set; } = null!;

    public bool IsOwn { get; private set; }

    public bool IsContracts => User.IsInRole(PortalRoles.CommissionerContracts) || User.IsInRole(PortalRoles.Administrator);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        // Resource check: a PCN user may open only their own PCN, whatever the link.
        if (!scope.CanSee(code))
        {
            return Forbid();
        }

        var today = clock.Today();
        var year = FinancialYear.TryParse(Year, out var y) && y.StartYear >= 2019 && y.FirstDay <= today ? y : FinancialYear.Containing(today);
        var view = await queries.PcnAsync(code, year, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        IsOwn = scope.IsOwn(code);
        return Page();
    }
}
