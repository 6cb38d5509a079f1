using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Arrs.Redistribution;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Finance.Redistribution;

/// <summary>
/// A PCN user bids for a further post in an open round, or changes their PCN's bid while it waits for a decision. Only
/// their own PCN's bids: another PCN's bid is refused (403).
/// </summary>
[Authorize(Policy = PortalPolicies.PcnUser)]
public sealed class BidModel(
    RedistributionQuery query, RedistributionService service, ArrsReferenceService reference, PcnScope scope, ICurrentUser user,
    IValidator<BidForm> validator, TimeProvider clock) : PageModel
{
    [BindProperty]
    public BidForm Input { get; set; } = new();

    public RedistributionRoundView Round { get; private set; } = null!;

    public RedistributionBidRow? Existing { get; private set; }

    public RuleOutcome Eligibility { get; private set; } = null!;

    public bool TakingBids { get; private set; }

    public List<(string Code, string Name)> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? bidId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, bidId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Existing is { } b)
        {
            Input = new BidForm
            {
                Role = b.RoleCode,
                Wte = b.Wte.ToString("0.####", CultureInfo.InvariantCulture),
                StartMonth = DateParts.FromMonth(b.StartMonth),
                MonthlyCost = FormValues.Input(b.MonthlyCost),
                Reason = b.Reason,
                Version = b.Version.ToString(CultureInfo.InvariantCulture),
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? bidId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, bidId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input.Year = Round.Year;
        Input.KnownRoles = Roles.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation);
        }

        FormValues.TryParseMoney(Input.MonthlyCost, out var monthlyCost);
        FormValues.TryParseWte(Input.Wte, out var wte);
        var input = new RedistributionBidInput(Input.Role!, wte, Input.StartMonth.FirstOfMonth!.Value, monthlyCost, Input.Reason!);
        var own = scope.OwnPcnCode!;
        var result = Existing is null
            ? await service.SubmitAsync(id, own, input, user.Name, cancellationToken)
            : await service.ChangeAsync(Existing.Id, int.Parse(Input.Version ?? "-1", CultureInfo.InvariantCulture), own, input, user.Name, cancellationToken);
        if (!result.Succeeded)
        {
            return this.PageWithErrors(result.Errors);
        }

        var bid = result.Value!;
        TempData["Success"] = $"Your bid for {Money.Format(bid.Requested)} ({Money.Format(bid.MonthlyCost)} a month × {bid.Months} months) is {(Existing is null ? "sent" : "changed")}. The contracts team will decide it.";
        return Redirect($"/finance/redistribution/{id}");
    }

    /// <summary>Loads the round, the bid being changed and the PCN's eligibility; a result when the request is refused.</summary>
    private async Task<IActionResult?> LoadAsync(int id, int? bidId, CancellationToken cancellationToken)
    {
        if (scope.OwnPcnCode is not { } own)
        {
            return Forbid();
        }

        if (bidId is { } requested)
        {
            var owner = await query.BidOwnerAsync(requested, cancellationToken);
            if (owner is null || owner.Value.RoundId != id)
            {
                return NotFound();
            }

            if (!scope.IsOwn(owner.Value.PcnCode))
            {
                return Forbid();
            }
        }

        var round = await query.RoundAsync(id, own, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }

        Round = round;
        Existing = bidId is { } b ? round.Bids.Single(x => x.Id == b) : null;
        TakingBids = round.IsOpen && round.Deadline >= clock.Today();
        Eligibility = await service.EligibilityAsync(round.Year, own, cancellationToken);
        Roles = (await reference.LoadAsync(cancellationToken)).Roles.OrderBy(r => r.Name).Select(r => (r.Code, r.Name)).ToList();
        return null;
    }
}

/// <summary>The further post bid for: role, WTE, start month, monthly cost (salary and on-costs) and the reason; the version when changing a bid.</summary>
public sealed class BidForm
{
    public string? Role { get; set; }

    public string? Wte { get; set; }

    public DateParts StartMonth { get; set; } = new();

    public string? MonthlyCost { get; set; }

    public string? Reason { get; set; }

    public string? Version { get; set; }

    internal FinancialYear Year { get; set; }

    internal IReadOnlySet<string> KnownRoles { get; set; } = new HashSet<string>();
}

public sealed class BidFormValidator : AbstractValidator<BidForm>
{
    public const int ReasonMaxLength = 2000;

    public BidFormValidator()
    {
        RuleFor(f => f.Role).Must((f, role) => role is not null && f.KnownRoles.Contains(role)).WithMessage("Select the role of the post");
        RuleFor(f => f.Wte).Must(w => FormValues.TryParseWte(w, out _)).WithMessage(FormValues.WteMessage);
        RuleFor(f => f.StartMonth).ValidMonth("the start month");
        RuleFor(f => f.StartMonth)
            .Must((f, m) => m.FirstOfMonth is not { } start || f.Year.Contains(start))
            .WithMessage(f => $"The start month must be between April {f.Year.StartYear} and March {f.Year.StartYear + 1}");
        RuleFor(f => f.MonthlyCost)
            .Must(c => FormValues.TryParseMoney(c, out var pounds) && pounds > 0m && pounds < 100_000m)
            .WithMessage("Enter the monthly cost in pounds and pence, more than £0 and less than £100,000, for example £3,500.00");
        RuleFor(f => f.Reason).NotEmpty().WithMessage("Enter why the PCN needs the post, for example the waiting list it will reduce");
        RuleFor(f => f.Reason).MaximumLength(ReasonMaxLength).WithMessage($"The reason must be {ReasonMaxLength:N0} characters or fewer");
        RuleFor(f => f.Version).Must(v => v is null || int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .WithMessage("The page was out of date: open the bid again");
    }
}
