using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Finance.Redistribution;

/// <summary>
/// One round: the pool with the working per PCN (a PCN user sees the total and their own row), the bids (a PCN user's own
/// only), whether the PCN user may bid and why, the contracts team's decisions, and finance closing the round.
/// </summary>
[Authorize(Policy = PortalPolicies.PcnOrCommissioner)]
public sealed class RoundModel(
    RedistributionQuery query, RedistributionService service, PcnScope scope, ICurrentUser user, IAuthorizationService authorization,
    IValidator<CloseRoundForm> validator, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CloseRoundForm Input { get; set; } = new();

    public RedistributionRoundView Round { get; private set; } = null!;

    public bool IsPcnUser => scope.IsPcnUser;

    /// <summary>For a PCN user: whether their PCN may bid now (ARRS-REDIST-ELIGIBLE) with the figures.</summary>
    public RuleOutcome? Eligibility { get; private set; }

    public bool TakingBids { get; private set; }

    public bool CanDecide { get; private set; }

    public bool CanClose { get; private set; }

    public bool CanExport { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Finance closes the round once every bid is decided.</summary>
    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, PortalPolicies.Finance)).Succeeded)
        {
            return Forbid();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? this.PageWithErrors(validation) : NotFound();
        }

        var result = await service.CloseAsync(id, int.Parse(Input.Version!, System.Globalization.CultureInfo.InvariantCulture), user.Name, cancellationToken);
        if (!result.Succeeded)
        {
            return await LoadAsync(id, cancellationToken) ? this.PageWithErrors(result.Errors) : NotFound();
        }

        TempData["Success"] = $"Round {id} is closed.";
        return Redirect($"/finance/redistribution/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var round = await query.RoundAsync(id, scope.OnlyPcnCode, cancellationToken);
        if (round is null)
        {
            return false;
        }

        Round = round;
        Input.Version ??= round.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        TakingBids = round.IsOpen && round.Deadline >= clock.Today();
        if (scope.OwnPcnCode is { } own && TakingBids)
        {
            Eligibility = await service.EligibilityAsync(round.Year, own, cancellationToken);
        }

        CanDecide = round.IsOpen && (await authorization.AuthorizeAsync(User, PortalPolicies.Contracts)).Succeeded;
        CanClose = round.IsOpen && (await authorization.AuthorizeAsync(User, PortalPolicies.Finance)).Succeeded;
        CanExport = (await authorization.AuthorizeAsync(User, PortalPolicies.FinanceOrContracts)).Succeeded;
        return true;
    }
}

/// <summary>Closing a round: the version of the round the person saw.</summary>
public sealed class CloseRoundForm
{
    public string? Version { get; set; }
}

public sealed class CloseRoundFormValidator : AbstractValidator<CloseRoundForm>
{
    public CloseRoundFormValidator() =>
        RuleFor(f => f.Version).Must(v => int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            .WithMessage("The page was out of date: look at the round again before closing it");
}
