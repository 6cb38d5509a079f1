using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Finance;

/// <summary>One PCN's forecast to year end from staff in post, with a what-if planned post (never saved).</summary>
[Authorize(Policy = PortalPolicies.FinanceOrContracts)]
public sealed class ForecastModel(ArrsEntitlementQuery query, ArrsReferenceService reference, IValidator<PlannedPostForm> validator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Pcn { get; set; }

    [BindProperty]
    public PlannedPostForm Input { get; set; } = new();

    public FinancialYear SelectedYear { get; private set; }

    public PcnEntitlement Current { get; private set; } = null!;

    /// <summary>The same PCN with the planned post added, when one was given.</summary>
    public PcnEntitlement? WhatIf { get; private set; }

    public DateOnly? ForecastFrom { get; private set; }

    public List<(string Code, string Name)> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(null, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        SelectedYear = Finance.IndexModel.SelectYear(Year, clock);
        Input.Year = SelectedYear;
        Input.ForecastFrom = query.ForecastFrom(SelectedYear);
        Input.KnownRoles = (await reference.LoadAsync(cancellationToken)).Roles.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return await LoadAsync(null, cancellationToken) ? this.PageWithErrors(validation) : NotFound();
        }

        var planned = new PlannedPost(Pcn!, Input.Role!, Input.ParsedWte, Input.ParsedStartMonth, Input.ParsedSalary);
        return await LoadAsync(planned, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(PlannedPost? planned, CancellationToken cancellationToken)
    {
        SelectedYear = Finance.IndexModel.SelectYear(Year, clock);
        if (string.IsNullOrWhiteSpace(Pcn))
        {
            return false;
        }

        Pcn = Pcn.Trim().ToUpperInvariant();
        var report = await query.GetAsync(SelectedYear, Pcn, null, cancellationToken);
        if (report.Pcns.Count == 0)
        {
            return false;
        }

        Current = report.Pcns[0];
        ForecastFrom = report.ForecastFrom;
        if (planned is not null)
        {
            WhatIf = (await query.GetAsync(SelectedYear, Pcn, [planned], cancellationToken)).Pcns[0];
        }

        Roles = (await reference.LoadAsync(cancellationToken)).Roles.OrderBy(r => r.Name).Select(r => (r.Code, r.Name)).ToList();
        return true;
    }
}

/// <summary>The what-if planned post: role, WTE, start month (month and year boxes) and annual salary with on-costs.</summary>
public sealed class PlannedPostForm
{
    public string? Role { get; set; }

    public string? Wte { get; set; }

    public DateParts StartMonth { get; set; } = new();

    public string? Salary { get; set; }

    internal FinancialYear Year { get; set; }

    internal DateOnly? ForecastFrom { get; set; }

    internal IReadOnlySet<string> KnownRoles { get; set; } = new HashSet<string>();

    internal decimal ParsedWte => decimal.Parse(Wte!.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture);

    internal decimal ParsedSalary => decimal.Parse(Salary!.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);

    internal DateOnly ParsedStartMonth => StartMonth.FirstOfMonth!.Value;
}

public sealed class PlannedPostFormValidator : AbstractValidator<PlannedPostForm>
{
    public PlannedPostFormValidator()
    {
        RuleFor(f => f.Role).Must((f, role) => role is not null && f.KnownRoles.Contains(role)).WithMessage("Select the role of the planned post");
        RuleFor(f => f.Wte).Must(w => FormValues.TryParseWte(w, out _)).WithMessage(FormValues.WteMessage);
        RuleFor(f => f.StartMonth).ValidMonth("the start month");
        RuleFor(f => f.StartMonth)
            .Must((f, m) => m.FirstOfMonth is not { } start || (f.ForecastFrom is { } from && start >= from && start <= f.Year.LastDay))
            .WithMessage(f => f.ForecastFrom is { } from
                ? $"The start month must be between {from:MMMM yyyy} and {f.Year.LastDay:MMMM yyyy}"
                : $"{f.Year} is over: choose the current or a future year to plan a post");
        RuleFor(f => f.Salary).Must(BeSalary).WithMessage("Enter the annual salary with on-costs in pounds, more than 0, for example 42000");
    }

    private static bool BeSalary(string? text) =>
        decimal.TryParse(text?.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var salary)
        && salary > 0 && salary < 10_000_000;
}
