using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Features.Papers;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Papers;

public sealed class RateForm
{
    public string? YearStart { get; set; }

    public string? Component { get; set; }

    public string? Basis { get; set; }

    public string? Rate { get; set; }

    public string? MonthsPaid { get; set; } = "12";

    public string? Source { get; set; }

    /// <summary>Published, ReportedSecondary or Unverified; empty is Unverified.</summary>
    public string? Status { get; set; }
}

/// <summary>Network Contract DES rates per patient by financial year: the reference data behind the funding envelope section.</summary>
[Authorize(Policy = PortalPolicies.Papers)]
public sealed class FundingRatesModel(PortalDbContext db, ICurrentUser currentUser, IValidator<RateForm> validator) : PageModel
{
    public List<DesFundingRate> Rates { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [BindProperty]
    public RateForm Input { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!PaperAccess.CanEdit(currentUser))
        {
            return Forbid();
        }

        ModelState.AddErrors(await validator.ValidateAsync(Input));
        var yearOk = RateFormValidator.TryYear(Input.YearStart, out var year);
        var component = Input.Component?.Trim() ?? "";
        if (!ModelState.HasError("Input.Component") && yearOk && await db.DesFundingRates.AnyAsync(r => r.YearStart == year && r.Component == component))
        {
            ModelState.AddModelError("Input.Component", $"{component} already has a rate for that year: remove it first to change it");
        }

        RateFormValidator.TryBasis(Input.Basis, out var basis);
        RateFormValidator.TryRate(Input.Rate, out var rate);
        int.TryParse(Input.MonthsPaid, out var months);

        var source = Input.Source?.Trim() ?? "";
        if (source.Length > 1000)
        {
            ModelState.AddModelError("Input.Source", "The source must be 1,000 characters or fewer");
        }

        if (!string.IsNullOrWhiteSpace(Input.Status) && (!FigureStatusText.TryParse(Input.Status, out var parsedStatus) || parsedStatus == FigureStatus.CarriedForward))
        {
            ModelState.AddModelError("Input.Status", "Select published, reported (secondary source) or unverified");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return this.PageWithErrors();
        }

        var order = await db.DesFundingRates.Where(r => r.YearStart == year).Select(r => (int?)r.SortOrder).MaxAsync() ?? 0;
        var status = FigureStatusText.TryParse(Input.Status, out var chosen) ? chosen : FigureStatus.Unverified;
        db.DesFundingRates.Add(new DesFundingRate
        {
            YearStart = year,
            Component = component,
            Basis = basis,
            RatePerPatient = rate,
            YearFraction = months / 12m,
            SortOrder = order + 1,
            Status = status,
            Source = source.Length > 0 ? source : "Entered by a committee secretary",
        });
        await db.SaveChangesAsync();
        TempData["Success"] = $"{component} rate added for {year}/{(year + 1) % 100:00}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int rateId)
    {
        if (!PaperAccess.CanEdit(currentUser))
        {
            return Forbid();
        }

        var rate = await db.DesFundingRates.FindAsync(rateId);
        if (rate is not null)
        {
            db.DesFundingRates.Remove(rate);
            await db.SaveChangesAsync();
            TempData["Success"] = $"{rate.Component} rate for {rate.YearStart}/{(rate.YearStart + 1) % 100:00} removed.";
        }

        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        CanEdit = PaperAccess.CanEdit(currentUser);
        Rates = await db.DesFundingRates.AsNoTracking().OrderByDescending(r => r.YearStart).ThenBy(r => r.SortOrder).ToListAsync();
    }
}

public sealed class RateFormValidator : AbstractValidator<RateForm>
{
    public RateFormValidator()
    {
        RuleFor(f => f.YearStart).Must(y => TryYear(y, out _)).WithMessage("Enter the year the financial year starts, like 2019 for 2019/20");
        RuleFor(f => f.Component).Must(c => (c?.Trim().Length ?? 0) is > 0 and <= 100).WithMessage("Enter the payment's name, 100 characters or fewer");
        RuleFor(f => f.Basis).Must(b => TryBasis(b, out _)).WithMessage("Select whether the rate is paid per registered or per weighted patient");
        RuleFor(f => f.Rate).Must(r => TryRate(r, out _)).WithMessage("Enter the rate in pounds per patient, like 1.761 (up to 4 decimal places)");
        RuleFor(f => f.MonthsPaid).Must(m => int.TryParse(m, out var months) && months is >= 1 and <= 12).WithMessage("Enter the months of the year it is paid for, from 1 to 12");
    }

    internal static bool TryYear(string? text, out int year) => int.TryParse(text, out year) && year is >= 2019 and <= 2100;

    internal static bool TryBasis(string? text, out FundingBasis basis) => Enum.TryParse(text, out basis) && Enum.IsDefined(basis);

    internal static bool TryRate(string? text, out decimal rate) =>
        FormValues.TryParseDecimal(text, out rate) && rate > 0 && rate < 1000 && decimal.Round(rate, 4) == rate;
}
