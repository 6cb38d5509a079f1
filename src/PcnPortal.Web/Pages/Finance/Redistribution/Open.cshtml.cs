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

/// <summary>Finance opens a round for a year: the pool of expected unused entitlement is worked out from the forecast and shown before opening.</summary>
[Authorize(Policy = PortalPolicies.Finance)]
public sealed class OpenModel(RedistributionService service, ICurrentUser user, IValidator<OpenRoundForm> validator, TimeProvider clock) : PageModel
{
    [BindProperty]
    public OpenRoundForm Input { get; set; } = new();

    /// <summary>The year to preview (?year=2020/21).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    public RedistributionPool? Preview { get; private set; }

    public string? PreviewRefused { get; private set; }

    public static IReadOnlyList<FinancialYear> Years { get; } =
        [.. Enumerable.Range(ArrsRedistribution.FirstYear.StartYear, ArrsRedistribution.LastYear.StartYear - ArrsRedistribution.FirstYear.StartYear + 1).Select(y => new FinancialYear(y))];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.Year = Year;
        Input.Deadline = DateParts.From(clock.Today().AddDays(28));
        await PreviewAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation);
        }

        var result = await service.OpenAsync(FinancialYear.Parse(Input.Year!), Input.Deadline.Date!.Value, user.Name, cancellationToken);
        if (!result.Succeeded)
        {
            Year = Input.Year;
            await PreviewAsync(cancellationToken);
            return this.PageWithErrors(result.Errors);
        }

        TempData["Success"] = $"Round {result.Value!.Id} for {result.Value.Year} is open for bids until {FormValues.Date(result.Value.Deadline)}, with a pool of {Money.Format(result.Value.Pool)}.";
        return Redirect($"/finance/redistribution/{result.Value.Id}");
    }

    private async Task PreviewAsync(CancellationToken cancellationToken)
    {
        if (!FinancialYear.TryParse(Year, out var year))
        {
            return;
        }

        if (ArrsRedistribution.CheckYear(year) is { Severity: RuleSeverity.Fail } refused)
        {
            PreviewRefused = refused.Explanation;
            return;
        }

        Preview = ArrsRedistribution.Pool(year, await service.FiguresAsync(year, null, cancellationToken));
    }
}

/// <summary>The year (2019/20 to 2023/24) and the deadline for bids.</summary>
public sealed class OpenRoundForm
{
    public string? Year { get; set; }

    public DateParts Deadline { get; set; } = new();
}

public sealed class OpenRoundFormValidator : AbstractValidator<OpenRoundForm>
{
    public OpenRoundFormValidator()
    {
        RuleFor(f => f.Year).Must(y => FinancialYear.TryParse(y, out _)).WithMessage("Select the financial year, for example 2020/21");
        RuleFor(f => f.Year)
            .Must(y => ArrsRedistribution.CheckYear(FinancialYear.Parse(y!)).Severity == RuleSeverity.Pass)
            .When(f => FinancialYear.TryParse(f.Year, out _))
            .WithMessage(f => ArrsRedistribution.CheckYear(FinancialYear.Parse(f.Year!)).Explanation);
        RuleFor(f => f.Deadline).ValidDate("the deadline for bids");
    }
}
