using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Features.OdFunds;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.OdFunds;

/// <summary>A PCN's own expression of interest against one fund: start, save as draft, amend when returned, submit.</summary>
[Authorize(Policy = PortalPolicies.PcnUser)]
public sealed class EoiModel(EoiService eois, ICurrentUser currentUser, PcnScope scope) : PageModel
{
    [BindProperty]
    public EoiForm Input { get; set; } = new();

    public EoiService.Context Context { get; private set; } = null!;

    public string? Blocked { get; private set; }

    public bool IsClinicalDirector => currentUser.IsInRole(PortalRoles.ClinicalDirector);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var context = await eois.LoadAsync(id, scope.OwnPcnCode!, cancellationToken);
        if (context is null)
        {
            return NotFound();
        }

        Context = context;
        Blocked = EoiService.Blocked(context);
        if (context.Eoi is { } eoi)
        {
            Input = EoiForm.From(eoi);
        }

        return Page();
    }

    /// <summary>Which button was pressed: "Submit" sends it to the panel; anything else saves a draft.</summary>
    [BindProperty]
    public string? Command { get; set; }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken) =>
        SaveAsync(id, submit: string.Equals(Command, "Submit", StringComparison.Ordinal), cancellationToken);

    private async Task<IActionResult> SaveAsync(int id, bool submit, CancellationToken cancellationToken)
    {
        var pcn = scope.OwnPcnCode!;
        if (await eois.LoadAsync(id, pcn, cancellationToken) is null)
        {
            return NotFound();
        }

        var result = await eois.SaveAsync(id, pcn, Input, submit, cancellationToken);
        if (result.EoiId is { } eoiId)
        {
            TempData["Success"] = submit
                ? "Your expression of interest is submitted to the panel." + (result.Warnings.Count > 0 ? " " + string.Join(" ", result.Warnings.Select(w => w.Explanation)) : string.Empty)
                : "Your expression of interest is saved as a draft.";
            return Redirect($"/od-funds/eois/{eoiId}");
        }

        foreach (var (key, message) in result.Errors)
        {
            ModelState.AddModelError(key, message);
        }

        Context = (await eois.LoadAsync(id, pcn, cancellationToken))!;
        Blocked = EoiService.Blocked(Context);
        if (result.Conflict && Context.Eoi is { } latest)
        {
            Input = EoiForm.From(latest);
        }

        Response.StatusCode = result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }
}
