using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Maturity;
using PcnPortal.Web.Features.Maturity;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Maturity.Returns;

[Authorize(Policy = PortalPolicies.PcnUser)]
public sealed class CheckModel(MaturityReturnService returns) : PageModel
{
    public MaturityReturn Return { get; private set; } = null!;

    public MaturityReturn? Previous { get; private set; }

    public bool WillBeLate { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var result = await LoadAsync(await returns.FindAsync(id, false, cancellationToken), cancellationToken);
        Version = Return?.Version ?? 0;
        return result ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var ret = await returns.FindAsync(id, true, cancellationToken);
        if (ret is { Status: MaturityReturnStatus.Submitted or MaturityReturnStatus.Reviewed })
        {
            // Submitted already (a second click, or another tab): say so rather than silently showing the return.
            Return = ret;
            Previous = await returns.PreviousAsync(ret, cancellationToken);
            ModelState.AddModelError(string.Empty, "This return has already been submitted. Open the return to see it.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var loaded = await LoadAsync(ret, cancellationToken);
        if (loaded is not null)
        {
            return loaded;
        }

        var result = await returns.SubmitAsync(Return, Version, cancellationToken);
        if (result.Saved)
        {
            TempData["Success"] = WillBeLate
                ? $"Your {Return.Round!.Year} return has been submitted. It was due by {Return.Round.DueDate:d MMMM yyyy}, so it is marked as late."
                : $"Your {Return.Round!.Year} return has been submitted. The CCG will arrange a review meeting with you.";
            return Redirect($"/maturity/returns/{id}");
        }

        if (result.Conflict)
        {
            var latest = await returns.FindAsync(id, false, cancellationToken);
            Return = latest!;
            Version = Return.Version;
            ModelState.AddModelError(string.Empty, $"{result.ChangedBy ?? "Someone else"} changed this return while you were checking it. The latest answers are shown; check them and submit again.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return this.PageWithErrors(result.Errors, prefix: "");
    }

    private async Task<IActionResult?> LoadAsync(MaturityReturn? ret, CancellationToken cancellationToken)
    {
        if (ret is null)
        {
            return NotFound();
        }

        if (!returns.CanEdit(ret))
        {
            return Redirect($"/maturity/returns/{ret.Id}");
        }

        Return = ret;
        Previous = await returns.PreviousAsync(ret, cancellationToken);
        WillBeLate = returns.Today > ret.Round!.DueDate;
        return null;
    }
}
