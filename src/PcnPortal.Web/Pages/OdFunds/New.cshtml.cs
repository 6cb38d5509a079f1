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
public sealed class NewModel(PortalDbContext db, TimeProvider clock) : PageModel
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
            PopulationDate = year.PopulationDate.ToString("yyyy-MM-dd"),
            EoiDeadline = year.LastDay.ToString("yyyy-MM-dd"),
            Quorum = OdFund.DefaultQuorum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (record, errors) = FundFormValidator.Validate(Input);
        if (record is null)
        {
            foreach (var (key, message) in errors)
            {
                ModelState.AddModelError(key, message);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

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

    public string? PopulationDate { get; set; }

    public string? EoiDeadline { get; set; }

    public string? Quorum { get; set; }

    public sealed class SourceForm
    {
        public string? Name { get; set; }

        public string? Amount { get; set; }
    }
}

/// <summary>Checks the typed form, then the fund rules (sources add up, ring-fence at least 10%, distributable not negative, rate, quorum).</summary>
public static class FundFormValidator
{
    public static (OdFundRecord? Record, List<(string Key, string Message)> Errors) Validate(FundForm input)
    {
        var errors = new List<(string, string)>();
        if (!FinancialYear.TryParse(input.Year, out var year))
        {
            errors.Add(("Input.Year", "Enter the financial year, for example 2020/21"));
        }

        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(("Input.Name", "Enter a name for the fund"));
        }
        else if (input.Name.Trim().Length > 200)
        {
            errors.Add(("Input.Name", "Name must be 200 characters or fewer"));
        }

        if (!FormValues.TryParseMoney(input.Total, out var total))
        {
            errors.Add(("Input.Total", "Enter the fund total in pounds and pence, for example 720000.00"));
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
                errors.Add(($"Input.Sources[{i}].Name", $"Source {i + 1}: enter where the money comes from, for example NHS England PCN development"));
            }

            if (!FormValues.TryParseMoney(source.Amount, out var amount))
            {
                errors.Add(($"Input.Sources[{i}].Amount", $"Source {i + 1}: enter the amount in pounds and pence, for example 360000.00"));
            }
            else if (hasName)
            {
                sources.Add(new OdFundSourceRecord { Name = source.Name!.Trim(), Amount = amount });
            }
        }

        if (!FormValues.TryParseDecimal(input.RingFencePercent, out var ringFence))
        {
            errors.Add(("Input.RingFencePercent", "Enter the clinical director development ring-fence as a percentage, for example 10"));
        }

        if (!FormValues.TryParseMoney(string.IsNullOrWhiteSpace(input.HeldBack) ? "0" : input.HeldBack, out var heldBack))
        {
            errors.Add(("Input.HeldBack", "Enter the amount held back in pounds and pence, or 0"));
        }
        else if (heldBack > 0 && string.IsNullOrWhiteSpace(input.HeldBackPurpose))
        {
            errors.Add(("Input.HeldBackPurpose", "Say what the held-back money is for, for example population health management analysts"));
        }

        decimal? rate = null;
        if (input.Method == OdAllocationMethod.PerCapita)
        {
            if (!FormValues.TryParseDecimal(input.Rate, out var r) || r <= 0 || decimal.Round(r, 4) != r)
            {
                errors.Add(("Input.Rate", "Enter the amount per patient in pounds, for example 0.66"));
            }
            else
            {
                rate = r;
            }
        }
        else if (input.Method != OdAllocationMethod.ProRata)
        {
            errors.Add(("Input.Method", "Choose how the fund is shared between PCNs"));
        }

        if (!Enum.IsDefined(input.Basis))
        {
            errors.Add(("Input.Basis", "Choose registered or weighted population"));
        }

        if (!FormValues.TryParseDate(input.PopulationDate, out var populationDate))
        {
            errors.Add(("Input.PopulationDate", "Enter the date populations are taken as at, for example 2020-10-01"));
        }

        if (!FormValues.TryParseDate(input.EoiDeadline, out var deadline))
        {
            errors.Add(("Input.EoiDeadline", "Enter the deadline for expressions of interest, for example 2021-03-31"));
        }

        if (!int.TryParse(input.Quorum, out var quorum) || quorum < 1 || quorum > 20)
        {
            errors.Add(("Input.Quorum", "Enter the quorum as a whole number of panel members from 1 to 20"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
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
            PopulationDate = populationDate,
            EoiDeadline = deadline,
            Quorum = quorum,
        };
        var keys = new Dictionary<string, string>
        {
            [OdFundRules.SourcesTotal] = "Input.Sources",
            [OdFundRules.RingFenceMin] = "Input.RingFencePercent",
            [OdFundRules.DistributableCode] = "Input.HeldBack",
            [OdFundRules.Rate] = "Input.Rate",
            [OdFundRules.QuorumMin] = "Input.Quorum",
        };
        foreach (var failure in OdFundRules.Check(record.ToDomain()).Where(o => o.Severity == RuleSeverity.Fail))
        {
            errors.Add((keys[failure.Code], $"{failure.Explanation} ({failure.Code})"));
        }

        return errors.Count > 0 ? (null, errors) : (record, errors);
    }
}
