using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web;

namespace PcnPortal.Web.Pages.Admin.ReferenceData.ArrSum;

/// <summary>Add the ARR Sum method (pounds per weighted patient) for a financial year that has none.</summary>
[Authorize(Policy = PortalPolicies.Administration)]
public sealed class AddModel(PortalDbContext db, ArrsReferenceDataService changes, IValidator<ArrSumForm> validator) : PageModel
{
    [BindProperty]
    public ArrSumForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (validation.IsValid)
        {
            var year = FinancialYear.Parse(Input.Year!);
            if (await db.ArrSumMethods.AnyAsync(m => m.FinancialYearStart == year.StartYear, cancellationToken))
            {
                ModelState.AddModelError("Input.Year", $"{year} already has an ARR Sum method");
            }
            else
            {
                var years = await changes.AddArrSumMethodAsync(new ArrSumMethod
                {
                    FinancialYearStart = year.StartYear,
                    Kind = ArrSumKind.PerWeightedPatient,
                    RatePerWeightedPatient = ArrSumForm.ParseMoney(Input.Rate)!.Value,
                    GpRatePerWeightedPatient = ArrSumForm.ParseMoney(Input.GpRate) ?? 0m,
                    Source = string.IsNullOrWhiteSpace(Input.Source) ? "Entered by an administrator" : Input.Source.Trim(),
                }, cancellationToken);
                TempData["Success"] = $"ARR Sum method for {year} saved. Claim lines in {years} financial year(s) were assessed again.";
                return Redirect("/admin/reference-data#arr-sum");
            }
        }
        else
        {
            ModelState.AddValidationErrors(validation);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

public sealed class ArrSumForm
{
    public string? Year { get; set; }

    public string? Rate { get; set; }

    public string? GpRate { get; set; }

    public string? Source { get; set; }

    internal static decimal? ParseMoney(string? text) =>
        decimal.TryParse(text?.Trim().TrimStart('£'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
}

public sealed class ArrSumFormValidator : AbstractValidator<ArrSumForm>
{
    public ArrSumFormValidator()
    {
        RuleFor(f => f.Year).Must(y => FinancialYear.TryParse(y, out var year) && year.StartYear >= 2020)
            .WithMessage("Enter the financial year as 2025/26 (from 2020/21; 2019/20 used a different method)");
        RuleFor(f => f.Rate).Must(r => ArrSumForm.ParseMoney(r) is > 0 and < 1_000)
            .WithMessage("Enter the pounds per weighted patient, more than 0, for example 26.631");
        RuleFor(f => f.GpRate).Must(r => string.IsNullOrWhiteSpace(r) || ArrSumForm.ParseMoney(r) is >= 0 and < 1_000)
            .WithMessage("Enter the extra pounds per weighted patient for GPs, or leave it empty");
        RuleFor(f => f.Source).MaximumLength(500).WithMessage("The source must be 500 characters or fewer");
    }
}
