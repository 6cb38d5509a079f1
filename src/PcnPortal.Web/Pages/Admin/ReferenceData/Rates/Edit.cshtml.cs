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
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Admin.ReferenceData.Rates;

/// <summary>Add an effective-dated rate entry (/admin/reference-data/rates/add) or change one (/admin/reference-data/rates/{id}).</summary>
[Authorize(Policy = PortalPolicies.Administration)]
public sealed class EditModel(PortalDbContext db, ArrsReferenceService reference, ArrsReferenceDataService changes, IValidator<RateForm> validator) : PageModel
{
    [BindProperty]
    public RateForm Input { get; set; } = new();

    public int? Id { get; private set; }

    public List<(string Code, string Name)> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Id is { } existing)
        {
            var e = await db.ArrsRateEntries.AsNoTracking().SingleAsync(r => r.Id == existing, cancellationToken);
            Input = new RateForm
            {
                RoleCode = e.RoleCode,
                EffectiveFrom = DateParts.From(e.EffectiveFrom),
                AreaTier = e.AreaTier.ToString(),
                Rate = e.ReimbursementRate.ToString("0.00##", CultureInfo.InvariantCulture),
                Maximum = e.MaxReimbursablePerWteYear?.ToString("0.00", CultureInfo.InvariantCulture),
                Source = e.Source,
                Status = e.Status == FigureStatus.CarriedForward ? null : e.Status.ToString(),
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input.KnownRoles = Roles.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (validation.IsValid && Input.RoleCode is { } role)
        {
            var from = Input.ParsedFrom;
            var tier = Enum.Parse<AreaTier>(Input.AreaTier!);
            if (await db.ArrsRateEntries.AnyAsync(r => r.RoleCode == role && r.AreaTier == tier && r.EffectiveFrom == from && r.Id != (Id ?? 0), cancellationToken))
            {
                ModelState.AddModelError("Input.EffectiveFrom", $"{role} already has a {ReferenceData.IndexModel.Tier(tier)} entry from {from:d MMMM yyyy}: change that entry instead");
            }
            else
            {
                var source = string.IsNullOrWhiteSpace(Input.Source) ? "Entered by an administrator" : Input.Source.Trim();
                int years;
                if (Id is { } existing)
                {
                    var changed = await changes.UpdateRateAsync(existing, from, tier, Input.ParsedRate, Input.ParsedMaximum, ArrSum.ArrSumForm.ParseStatus(Input.Status), source, cancellationToken);
                    if (changed is null)
                    {
                        return NotFound();
                    }

                    years = changed.Value;
                }
                else
                {
                    years = await changes.AddRateAsync(new RoleRateEntry
                    {
                        RoleCode = role,
                        EffectiveFrom = from,
                        AreaTier = tier,
                        ReimbursementRate = Input.ParsedRate,
                        MaxReimbursablePerWteYear = Input.ParsedMaximum,
                        Status = ArrSum.ArrSumForm.ParseStatus(Input.Status),
                        Source = source,
                    }, cancellationToken);
                }

                TempData["Success"] = $"{role} rate from {from:d MMMM yyyy} saved. Claim lines in {years} financial year(s) were assessed again.";
                return Redirect("/admin/reference-data#rates");
            }
        }
        else
        {
            ModelState.AddErrors(validation);
        }

        return this.PageWithErrors();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Roles = (await reference.LoadAsync(cancellationToken)).Roles.OrderBy(r => r.Name).Select(r => (r.Code, r.Name)).ToList();
        if (id == "add")
        {
            Id = null;
            return true;
        }

        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || !await db.ArrsRateEntries.AnyAsync(r => r.Id == number, cancellationToken))
        {
            return false;
        }

        Id = number;
        return true;
    }
}

public sealed class RateForm
{
    public string? RoleCode { get; set; }

    public DateParts EffectiveFrom { get; set; } = new();

    public string? AreaTier { get; set; } = nameof(Domain.Arrs.AreaTier.National);

    public string? Rate { get; set; }

    public string? Maximum { get; set; }

    public string? Source { get; set; }

    /// <summary>Published, ReportedSecondary or Unverified; empty is Unverified.</summary>
    public string? Status { get; set; }

    internal IReadOnlySet<string> KnownRoles { get; set; } = new HashSet<string>();

    internal DateOnly ParsedFrom => EffectiveFrom.Date!.Value;

    internal decimal ParsedRate => decimal.Parse(Rate!.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture);

    internal decimal? ParsedMaximum => string.IsNullOrWhiteSpace(Maximum) ? null : decimal.Parse(Money(Maximum), NumberStyles.Number, CultureInfo.InvariantCulture);

    internal static string Money(string text) => text.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal);
}

public sealed class RateFormValidator : AbstractValidator<RateForm>
{
    public RateFormValidator()
    {
        RuleFor(f => f.RoleCode).Must((f, r) => r is not null && f.KnownRoles.Contains(r)).WithMessage("Select the role");
        RuleFor(f => f.EffectiveFrom).ValidDate("the date the rate applies from");
        RuleFor(f => f.EffectiveFrom).Must(d => d.Date is not { } date || date.Year is >= 2019 and <= 2100)
            .WithMessage("The date the rate applies from must be between 2019 and 2100");
        RuleFor(f => f.AreaTier).Must(t => Enum.TryParse<AreaTier>(t, out var tier) && Enum.IsDefined(tier) && !int.TryParse(t, out _)).WithMessage("Select the area tier");
        RuleFor(f => f.Rate)
            .Must(r => decimal.TryParse(r?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var rate) && rate > 0 && rate <= 1)
            .WithMessage("Enter the reimbursement rate as a fraction more than 0 and no more than 1, for example 0.70");
        RuleFor(f => f.Maximum)
            .Must(m => string.IsNullOrWhiteSpace(m) || (decimal.TryParse(RateForm.Money(m), NumberStyles.Number, CultureInfo.InvariantCulture, out var max) && max > 0 && max < 1_000_000 && decimal.Round(max, 2) == max))
            .WithMessage("Enter the maximum reimbursable amount per WTE per year in pounds, more than 0, for example 37810.00");
        RuleFor(f => f.Source).MaximumLength(1000).WithMessage("The source must be 1,000 characters or fewer");
        RuleFor(f => f.Status).Must(ArrSum.ArrSumForm.IsStatusOrEmpty).WithMessage("Select published, reported (secondary source) or unverified");
    }
}
