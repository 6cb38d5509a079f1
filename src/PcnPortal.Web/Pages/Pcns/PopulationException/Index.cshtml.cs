using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Pcns.PopulationException;

/// <summary>Records the commissioner's agreement that a PCN may sit outside the population band (clears PCN-POPULATION-RANGE).</summary>
[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class IndexModel(PortalDbContext db, ICurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public DateOnly? AgreedOn { get; set; }

    public Pcn Pcn { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Reason = Pcn.PopulationExceptionReason;
        AgreedOn = Pcn.PopulationExceptionAgreed ?? clock.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Reason = Reason?.Trim();
        if (string.IsNullOrEmpty(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why the commissioner agreed the exception, for example the rural area it covers.");
        }
        else if (Reason.Length > 1000)
        {
            ModelState.AddModelError(nameof(Reason), "Enter a reason of 1,000 characters or fewer.");
        }

        if (AgreedOn is null)
        {
            ModelState.AddModelError(nameof(AgreedOn), "Enter the date the exception was agreed, for example 2024-05-14.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Pcn.PopulationExceptionReason = Reason;
        Pcn.PopulationExceptionAgreed = AgreedOn;
        Pcn.PopulationExceptionAgreedBy = currentUser.Name;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"The population exception for {Pcn.Name} is recorded.";
        return Redirect($"/pcns/{Pcn.Code}");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var pcn = await db.Pcns.SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        Pcn = pcn!;
        return pcn is not null;
    }
}
