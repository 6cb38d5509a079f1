using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Features.OdFunds;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.OdFunds.Eois;

/// <summary>The panel's decision on one EOI: who is excluded and why, the quorum, and the decision with reasons.</summary>
[Authorize(Policy = PortalPolicies.OdPanel)]
public sealed class DecisionModel(PanelDecisionService decisions, IValidator<DecisionForm> validator) : PageModel
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

        if (!PanelDecisionService.MayDecide(context))
        {
            return Forbid();
        }

        // Field errors and the panel's rules together, so every problem shows at once (each beside its field, in field order).
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            Context = context;
            ModelState.AddErrors(validation);
            ModelState.AddErrors((await decisions.CheckAsync(context, Input, cancellationToken)).Where(e => !ModelState.HasError(FullKey(e.Key))));
            return this.PageWithErrors();
        }

        var result = await decisions.RecordAsync(context, Input, cancellationToken);
        if (result.Forbidden)
        {
            return Forbid();
        }

        if (result.Saved)
        {
            TempData["Success"] = result.InEffect
                ? "The panel's decision is recorded and in effect."
                : "The panel's decision is recorded. It takes effect when enough of the members you named have confirmed their own votes.";
            return Redirect($"/od-funds/eois/{id}");
        }

        Context = (await decisions.LoadAsync(id, cancellationToken))!;
        return this.PageWithErrors(result.Errors);
    }

    private static string FullKey(string key) => key.Length == 0 ? "Input" : "Input." + key;
}

/// <summary>The decision's fields; the panel rules (quorum, reasons, amount within the request) are the service's.</summary>
public sealed class DecisionFormValidator : AbstractValidator<DecisionForm>
{
    public DecisionFormValidator()
    {
        RuleFor(f => f.Outcome).Must(o => o is { } outcome && Enum.IsDefined(outcome)).WithMessage("Choose the panel's decision");
        RuleFor(f => f.ApprovedAmount).Must(a => string.IsNullOrWhiteSpace(a) || FormValues.TryParseMoney(a, out _))
            .WithMessage("Enter the amount approved in pounds and pence, for example 26400.00");
        RuleFor(f => f.Reasons).MaximumLength(4000).WithMessage("Enter reasons of 4,000 characters or fewer");
        RuleFor(f => f.Conditions).MaximumLength(4000).WithMessage("Enter conditions of 4,000 characters or fewer");
    }
}
