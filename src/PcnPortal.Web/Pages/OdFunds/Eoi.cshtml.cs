using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Features.OdFunds;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.OdFunds;

/// <summary>
/// A PCN's own expression of interest against one fund: start, save as draft, amend when returned, and continue to
/// "Check your answers" (<c>/od-funds/{id}/eoi/check</c>), from where it is sent.
/// </summary>
[Authorize(Policy = PortalPolicies.PcnUser)]
public sealed class EoiModel(EoiService eois, ICurrentUser currentUser, PcnScope scope, IValidator<EoiForm> validator) : PageModel
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

    /// <summary>
    /// Which button was pressed: "Continue" saves it once it is ready to send and goes to "Check your answers" ("Submit", the
    /// button's earlier name, does the same); anything else saves a draft.
    /// </summary>
    [BindProperty]
    public string? Command { get; set; }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken) =>
        SaveAsync(id, readyToSend: Command is "Continue" or "Submit", cancellationToken);

    private async Task<IActionResult> SaveAsync(int id, bool readyToSend, CancellationToken cancellationToken)
    {
        var pcn = scope.OwnPcnCode!;
        if (await eois.LoadAsync(id, pcn, cancellationToken) is null)
        {
            return NotFound();
        }

        // The typed values and the EOI's checks together, so every problem shows at once beside its field, in field order.
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            Context = (await eois.LoadAsync(id, pcn, cancellationToken))!;
            Blocked = EoiService.Blocked(Context);
            ModelState.AddErrors(validation);
            ModelState.AddErrors((await eois.CheckAsync(id, pcn, Input, readyToSend, cancellationToken)).Where(e => !ModelState.HasError(e.Key.Length == 0 ? "Input" : "Input." + e.Key)));
            return this.PageWithErrors();
        }

        var result = await eois.SaveAsync(id, pcn, Input, readyToSend, cancellationToken);
        if (result.EoiId is { } eoiId)
        {
            if (readyToSend)
            {
                return Redirect($"/od-funds/{id}/eoi/check");
            }

            TempData["Success"] = "Your expression of interest is saved as a draft.";
            return Redirect($"/od-funds/eois/{eoiId}");
        }

        ModelState.AddErrors(result.Errors);
        Context = (await eois.LoadAsync(id, pcn, cancellationToken))!;
        Blocked = EoiService.Blocked(Context);
        if (result.Conflict && Context.Eoi is { } latest)
        {
            Input = EoiForm.From(latest);
        }

        if (result.Conflict)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return this.PageWithErrors();
    }
}

/// <summary>
/// The EOI's fields as typed: each line that is not blank has an amount in pounds and pence and text within the limits.
/// The EOI checks (lines, domains, share, confirmations) are the service's, run on save and submit.
/// </summary>
public sealed class EoiFormValidator : AbstractValidator<EoiForm>
{
    public EoiFormValidator()
    {
        RuleFor(f => f.Lines).Custom((lines, context) =>
        {
            for (var i = 0; i < lines.Count && i < EoiForm.MaxLines; i++)
            {
                var line = lines[i];
                if (line.IsBlank)
                {
                    continue;
                }

                if (!FormValues.TryParseMoney(line.Amount, out _))
                {
                    context.AddFailure($"Lines[{i}].Amount", $"Line {i + 1}: enter the amount in pounds and pence, for example 1250.50");
                }

                if ((line.SupportRequested?.Length ?? 0) > 500 || (line.Deliverable?.Length ?? 0) > 1000)
                {
                    context.AddFailure($"Lines[{i}].Deliverable", $"Line {i + 1}: keep the support to 500 characters and the deliverable to 1,000");
                }
            }
        });
    }
}
