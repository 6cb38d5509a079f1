using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Features.OdFunds;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.OdFunds.Eois;

/// <summary>A panel member named as a voter on a recorded decision confirms their own vote, or says it is not theirs (#15.16).</summary>
[Authorize(Policy = PortalPolicies.OdPanel)]
public sealed class ConfirmVoteModel(PanelDecisionService decisions, IValidator<ConfirmVoteForm> validator) : PageModel
{
    [BindProperty]
    public ConfirmVoteForm Input { get; set; } = new();

    public PanelDecisionService.Context Context { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var context = await decisions.LoadAsync(id, cancellationToken);
        if (context is null)
        {
            return NotFound();
        }

        Context = context;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var context = await decisions.LoadAsync(id, cancellationToken);
        if (context is null)
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            Context = context;
            return this.PageWithErrors(validation);
        }

        var result = await decisions.ConfirmAsync(context, Input, cancellationToken);
        if (result.Forbidden)
        {
            return Forbid();
        }

        if (result.Saved)
        {
            TempData["Success"] = Input.Command == "NotMine"
                ? "You said this is not your vote: the decision is withdrawn and the panel can record it again."
                : result.InEffect
                    ? "Your vote is confirmed. The quorum is reached: the panel's decision is in effect."
                    : "Your vote is confirmed. The decision takes effect when enough voters have confirmed theirs.";
            return Redirect($"/od-funds/eois/{id}");
        }

        Context = (await decisions.LoadAsync(id, cancellationToken))!;
        return this.PageWithErrors(result.Errors);
    }
}

/// <summary>Which decision, and which button: confirm the vote, or say it is not yours.</summary>
public sealed class ConfirmVoteFormValidator : AbstractValidator<ConfirmVoteForm>
{
    public ConfirmVoteFormValidator()
    {
        RuleFor(f => f.DecisionId).GreaterThan(0).WithMessage("Choose the decision to confirm your vote on");
        RuleFor(f => f.Command).Must(c => c is "Confirm" or "NotMine").WithMessage("Choose whether to confirm your vote or say it is not yours");
    }
}
