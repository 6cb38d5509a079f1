using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Features.OdFunds;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.OdFunds;

[Authorize(Policy = PortalPolicies.Finance)]
public sealed class NewModel(PortalDbContext db, TimeProvider clock, IValidator<FundForm> validator) : PageModel
{
    [BindProperty]
    public FundForm Input { get; set; } = new();

    public void OnGet()
    {
        var year = FinancialYear.Containing(clock.Today());
        Input = new FundForm
        {
            Year = year.ToString(),
            Name = $"PCN organisational development fund {year}",
            RingFencePercent = "10",
            HeldBack = "0.00",
            Rate = "0.66",
            PopulationDate = DateParts.From(year.PopulationDate),
            EoiDeadline = DateParts.From(year.LastDay),
            Quorum = OdFund.DefaultQuorum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation);
        }

        var record = FundFormValidator.Check(Input).Value!;

        db.OdFunds.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{record.Name} is set up as a draft. Compute the shares next.";
        return Redirect($"/od-funds/{record.Id}");
    }
}

/// <summary>The fund set-up form, as typed (text), so each field gets its own message.</summary>
public sealed class FundForm
{
    public string? Year { get; set; }

    public string? Name { get; set; }

    public string? Total { get; set; }

    public List<SourceForm> Sources { get; set; } = [new(), new(), new()];

    public string? RingFencePercent { get; set; }

    public string? HeldBack { get; set; }

    public string? HeldBackPurpose { get; set; }

    public OdAllocationMethod Method { get; set; } = OdAllocationMethod.PerCapita;

    public string? Rate { get; set; }

    public PopulationBasis Basis { get; set; } = PopulationBasis.Registered;

    public DateParts PopulationDate { get; set; } = new();

    public DateParts EoiDeadline { get; set; } = new();

    public string? Quorum { get; set; }

    public sealed class SourceForm
    {
        public string? Name { get; set; }

        public string? Amount { get; set; }
    }
}

/// <summary>Checks the typed form, then the fund rules (sources add up, ring-fence at least 10%, distributable not negative, rate, quorum).</summary>
public sealed class FundFormValidator : AbstractValidator<FundForm>
{
    public FundFormValidator()
    {
        RuleFor(f => f).Custom((form, context) =>
        {
            foreach (var error in Check(form).Errors)
            {
                context.AddFailure(error.Key, error.Message);
            }
        });
    }

    /// <summary>The fund record the form describes, or the errors keyed by field.</summary>
    public static ServiceResult<OdFundRecord> Check(FundForm input)
    {
        var errors = new List<FormError>();
        if (!FinancialYear.TryParse(input.Year, out var year))
        {
            errors.Add(new FormError("Year", "Enter the financial year, for example 2020/21"));
        }

        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(new FormError("Name", "Enter a name for the fund"));
        }
        else if (input.Name.Trim().Length > 200)
        {
            errors.Add(new FormError("Name", "Name must be 200 characters or fewer"));
        }

        if (!FormValues.TryParseMoney(input.Total, out var total))
        {
            errors.Add(new FormError("Total", "Enter the fund total in pounds and pence, for example 720000.00"));
        }

        var sources = new List<OdFundSourceRecord>();
        for (var i = 0; i < input.Sources.Count; i++)
        {
            var source = input.Sources[i];
            var hasName = !string.IsNullOrWhiteSpace(source.Name);
            var hasAmount = !string.IsNullOrWhiteSpace(source.Amount);
            if (!hasName && !hasAmount)
            {
                continue;
            }

            if (!hasName)
            {
                errors.Add(new FormError($"Sources[{i}].Name", $"Source {i + 1}: enter where the money comes from, for example NHS England PCN development"));
            }

            if (!FormValues.TryParseMoney(source.Amount, out var amount))
            {
                errors.Add(new FormError($"Sources[{i}].Amount", $"Source {i + 1}: enter the amount in pounds and pence, for example 360000.00"));
            }
            else if (hasName)
            {
                sources.Add(new OdFundSourceRecord { Name = source.Name!.Trim(), Amount = amount });
            }
        }

        if (!FormValues.TryParseDecimal(input.RingFencePercent, out var ringFence))
        {
            errors.Add(new FormError("RingFencePercent", "Enter the clinical director development ring-fence as a percentage, for example 10"));
        }

        if (!FormValues.TryParseMoney(string.IsNullOrWhiteSpace(input.HeldBack) ? "0" : input.HeldBack, out var heldBack))
        {
            errors.Add(new FormError("HeldBack", "Enter the amount held back in pounds and pence, or 0"));
        }
        else if (heldBack > 0 && string.IsNullOrWhiteSpace(input.HeldBackPurpose))
        {
            errors.Add(new FormError("HeldBackPurpose", "Say what the held-back money is for, for example population health management analysts"));
        }

        decimal? rate = null;
        if (input.Method == OdAllocationMethod.PerCapita)
        {
            if (!FormValues.TryParseDecimal(input.Rate, out var r) || r <= 0 || decimal.Round(r, 4) != r)
            {
                errors.Add(new FormError("Rate", "Enter the amount per patient in pounds, for example 0.66"));
            }
            else
            {
                rate = r;
            }
        }
        else if (input.Method != OdAllocationMethod.ProRata)
        {
            errors.Add(new FormError("Method", "Choose how the fund is shared between PCNs"));
        }

        if (!Enum.IsDefined(input.Basis))
        {
            errors.Add(new FormError("Basis", "Choose registered or weighted population"));
        }

        var populationDate = FormDate.Parse(input.PopulationDate, "the date populations are taken as at");
        if (populationDate.Error is { } populationError)
        {
            errors.Add(new FormError("PopulationDate", populationError));
        }

        var deadline = FormDate.Parse(input.EoiDeadline, "the deadline for expressions of interest");
        if (deadline.Error is { } deadlineError)
        {
            errors.Add(new FormError("EoiDeadline", deadlineError));
        }

        if (!int.TryParse(input.Quorum, out var quorum) || quorum < 1 || quorum > 20)
        {
            errors.Add(new FormError("Quorum", "Enter the quorum as a whole number of panel members from 1 to 20"));
        }

        if (errors.Count > 0)
        {
            return ServiceResult<OdFundRecord>.Fail(errors);
        }

        var record = new OdFundRecord
        {
            StartYear = year.StartYear,
            Name = input.Name!.Trim(),
            Total = total,
            Sources = sources,
            CdRingFencePercent = ringFence,
            HeldBack = heldBack,
            HeldBackPurpose = heldBack > 0 ? input.HeldBackPurpose?.Trim() : null,
            Method = input.Method,
            RatePerPatient = rate,
            Basis = input.Basis,
            PopulationDate = populationDate.Value!.Value,
            EoiDeadline = deadline.Value!.Value,
            Quorum = quorum,
        };
        var keys = new Dictionary<string, string>
        {
            [OdFundRules.SourcesTotal] = "Sources",
            [OdFundRules.RingFenceMin] = "RingFencePercent",
            [OdFundRules.DistributableCode] = "HeldBack",
            [OdFundRules.Rate] = "Rate",
            [OdFundRules.QuorumMin] = "Quorum",
        };
        foreach (var failure in OdFundRules.Check(record.ToDomain()).Where(o => o.Severity == RuleSeverity.Fail))
        {
            errors.Add(new FormError(keys[failure.Code], failure.Explanation));
        }

        return errors.Count > 0 ? ServiceResult<OdFundRecord>.Fail(errors) : ServiceResult<OdFundRecord>.Ok(record);
    }
}
