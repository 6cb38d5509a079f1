using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Features.OdFunds;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.OdFunds;

/// <summary>
/// Check your answers before an EOI is sent (NHS service manual pattern): the saved draft as a summary list with Change links
/// back to the form, then Send. Sending re-runs every check on the server and leads to the confirmation page.
/// </summary>
[Authorize(Policy = PortalPolicies.PcnUser)]
public sealed class EoiCheckModel(EoiService eois, PcnScope scope, IValidator<SendEoiForm> validator) : PageModel
{
    [BindProperty]
    public SendEoiForm Input { get; set; } = new();

    public EoiService.Context Context { get; private set; } = null!;

    public IReadOnlyList<RuleOutcome> Warnings { get; private set; } = [];

    /// <summary>The EOI was sent before this post arrived (shown with a message, without the send button).</summary>
    public bool AlreadySent { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not null)
        {
            return loaded;
        }

        Input.Version = Context.Eoi!.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken, posting: true);
        if (loaded is not null)
        {
            return loaded;
        }

        if (AlreadySent)
        {
            // A second click (or a colleague) after the first send went through: say so, and send nothing twice.
            ModelState.AddModelError("", $"Your expression of interest was already sent to the panel{(Context.Eoi!.SubmittedBy is { } by ? $" by {by}" : "")}. It was not sent again.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation);
        }

        var result = await eois.SendAsync(id, scope.OwnPcnCode!, Input.Version, cancellationToken);
        if (result.EoiId is { } eoiId)
        {
            return Redirect($"/od-funds/eois/{eoiId}/sent");
        }

        if (result.Conflict)
        {
            await LoadAsync(id, cancellationToken);
            Input.Version = Context.Eoi?.Version ?? 0;
            ModelState.AddErrors(result.Errors);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        // A check that no longer passes (the share, the clinical director's confirmation): back to the form to put it right.
        return this.PageWithErrors(result.Errors.Select(e => new FormError("", e.Message)));
    }

    /// <summary>The page, or where to go instead: no such fund (404), or nothing to send (back to the form or the sent EOI).</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken, bool posting = false)
    {
        var context = await eois.LoadAsync(id, scope.OwnPcnCode!, cancellationToken);
        if (context is null)
        {
            return NotFound();
        }

        if (context.Eoi is null)
        {
            return Redirect($"/od-funds/{id}/eoi");
        }

        if (EoiService.Blocked(context) is not null)
        {
            if (!(posting && context.Eoi.Status == EoiStatus.Submitted))
            {
                return Redirect($"/od-funds/eois/{context.Eoi.Id}");
            }

            AlreadySent = true;
        }

        Context = context;
        Warnings = EoiService.Warnings(context);
        return null;
    }
}

/// <summary>Sending carries only the version checked, so a change made meanwhile is not sent unseen.</summary>
public sealed class SendEoiFormValidator : AbstractValidator<SendEoiForm>
{
    public SendEoiFormValidator() => RuleFor(f => f.Version).GreaterThanOrEqualTo(0).WithMessage("Open the check page again and send from there");
}
