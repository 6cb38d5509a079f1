using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Features.OdFunds;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.OdFunds.Eois;

/// <summary>The panel's decision on one EOI: who is excluded and why, the quorum, and the decision with reasons.</summary>
[Authorize(Policy = PortalPolicies.OdPanel)]
public sealed class DecisionModel(PanelDecisionService decisions) : PageModel
{
    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    public PanelDecisionService.Context Context { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var context = await decisions.LoadAsync(id, cancellationToken);
        if (context is null)
        {
            return NotFound();
        }

        Context = context;
        Input.Version = context.Eoi.Version;
        Input.ApprovedAmount = FormValues.Input(context.Eoi.Total);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var context = await decisions.LoadAsync(id, cancellationToken);
        if (context is null)
        {
            return NotFound();
        }

        var result = await decisions.RecordAsync(context, Input, cancellationToken);
        if (result.Forbidden)
        {
            return Forbid();
        }

        if (result.Saved)
        {
            TempData["Success"] = "The panel's decision is recorded.";
            return Redirect($"/od-funds/eois/{id}");
        }

        foreach (var (key, message) in result.Errors)
        {
            ModelState.AddModelError(key, message);
        }

        Context = (await decisions.LoadAsync(id, cancellationToken))!;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
