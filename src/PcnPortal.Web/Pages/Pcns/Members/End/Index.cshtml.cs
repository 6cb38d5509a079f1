using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Pcns.Members.End;

/// <summary>Ends a practice's membership on a date (the last day it is a member).</summary>
[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    [BindProperty]
    public DateOnly? EndDate { get; set; }

    public PcnMembership Membership { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, int id, CancellationToken cancellationToken) =>
        await LoadAsync(code, id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, id, cancellationToken))
        {
            return NotFound();
        }

        if (EndDate is null)
        {
            ModelState.AddModelError(nameof(EndDate), "Enter the last day the practice is a member, for example 2024-03-31.");
        }
        else if (EndDate < Membership.StartDate)
        {
            ModelState.AddModelError(nameof(EndDate), $"The end date must be on or after the day it joined ({Membership.StartDate:d MMMM yyyy}).");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Membership.EndDate = EndDate;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{Membership.Practice!.Name} leaves {Membership.Pcn!.Name} after {EndDate:d MMMM yyyy}.";
        return Redirect($"/pcns/{code}");
    }

    private async Task<bool> LoadAsync(string code, int id, CancellationToken cancellationToken)
    {
        var membership = await db.PcnMemberships.Include(m => m.Practice).Include(m => m.Pcn)
            .SingleOrDefaultAsync(m => m.Id == id && m.Pcn!.Code == code && m.EndDate == null, cancellationToken);
        Membership = membership!;
        return membership is not null;
    }
}
