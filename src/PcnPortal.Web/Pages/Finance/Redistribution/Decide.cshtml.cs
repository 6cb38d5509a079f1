using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Redistribution;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Finance.Redistribution;

/// <summary>The contracts team approves a bid in full or in part within the pool, or rejects it with a reason.</summary>
[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class DecideModel(
    RedistributionQuery query, RedistributionService service, PortalDbContext db, ICurrentUser user, IValidator<DecisionForm> validator) : PageModel
{
    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    public RedistributionRoundView Round { get; private set; } = null!;

    public RedistributionBidRow Bid { get; private set; } = null!;

    /// <summary>What is left of the pool from the PCNs other than the bidder: the most that can be approved.</summary>
    public decimal Available { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int bidId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, bidId, cancellationToken))
        {
            return NotFound();
        }

        Input.Version = Bid.Version.ToString(CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int bidId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, bidId, cancellationToken))
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation);
        }

        var decision = Enum.Parse<RedistributionDecision>(Input.Decision!);
        decimal? amount = FormValues.TryParseMoney(Input.Amount, out var pounds) ? pounds : null;
        var result = await service.DecideAsync(bidId, int.Parse(Input.Version!, CultureInfo.InvariantCulture), decision, amount, Input.Reason, user.Name, cancellationToken);
        if (!result.Succeeded)
        {
            return this.PageWithErrors(result.Errors);
        }

        TempData["Success"] = decision == RedistributionDecision.Reject
            ? $"The bid from {Bid.PcnName} is rejected."
            : $"The bid from {Bid.PcnName} is approved{(decision == RedistributionDecision.ApproveInPart ? " in part" : " in full")}: its entitlement for {Round.Year} is raised, and the amount is taken from the giving PCNs pro rata.";
        return Redirect($"/finance/redistribution/{id}");
    }

    private async Task<bool> LoadAsync(int id, int bidId, CancellationToken cancellationToken)
    {
        var round = await query.RoundAsync(id, null, cancellationToken);
        if (round?.Bids.FirstOrDefault(b => b.Id == bidId) is not { } bid)
        {
            return false;
        }

        Round = round;
        Bid = bid;
        var entity = await db.RedistributionRounds.AsNoTracking().FirstAsync(r => r.Id == id, cancellationToken);
        var bidderId = await db.RedistributionBids.AsNoTracking().Where(b => b.Id == bidId).Select(b => b.PcnId).FirstAsync(cancellationToken);
        Available = (await service.GiversAsync(entity, bidderId, cancellationToken)).Sum(g => g.Giver.Remaining);
        return true;
    }
}

/// <summary>The decision: approve in full, approve in part (an amount and a reason) or reject (a reason); the version of the bid seen.</summary>
public sealed class DecisionForm
{
    public string? Decision { get; set; }

    public string? Amount { get; set; }

    public string? Reason { get; set; }

    public string? Version { get; set; }
}

public sealed class DecisionFormValidator : AbstractValidator<DecisionForm>
{
    public DecisionFormValidator()
    {
        RuleFor(f => f.Decision).Must(d => Enum.TryParse<RedistributionDecision>(d, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(d, out _))
            .WithMessage("Select approve in full, approve in part or reject");
        RuleFor(f => f.Amount)
            .Must(a => FormValues.TryParseMoney(a, out var pounds) && pounds > 0m)
            .When(f => f.Decision == nameof(RedistributionDecision.ApproveInPart))
            .WithMessage("Enter the amount to approve in pounds and pence, more than £0, for example £3,500.00");
        RuleFor(f => f.Reason).NotEmpty()
            .When(f => f.Decision is nameof(RedistributionDecision.ApproveInPart) or nameof(RedistributionDecision.Reject))
            .WithMessage(f => f.Decision == nameof(RedistributionDecision.Reject) ? "Enter the reason for rejecting the bid" : "Enter the reason for approving only part of the bid");
        RuleFor(f => f.Reason).MaximumLength(BidFormValidator.ReasonMaxLength).WithMessage($"The reason must be {BidFormValidator.ReasonMaxLength:N0} characters or fewer");
        RuleFor(f => f.Version).Must(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .WithMessage("The page was out of date: look at the bid again before deciding");
    }
}
