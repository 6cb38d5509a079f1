using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Features.OdFunds;
using PcnPortal.Web.Infrastructure.Files;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.OdFunds;

/// <summary>The fund position per PCN as CSV: allocated, requested, approved, paid, remaining, with the working.</summary>
[Authorize(Policy = PortalPolicies.Commissioner)]
public sealed class ExportModel(OdFundReportQuery reports) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var report = await reports.GetAsync(id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        var csv = new StringBuilder();
        csv.AppendLine("fund,financial_year,pcn_code,pcn_name,population,allocated,working,requested,approved,paid,remaining");
        foreach (var p in report.Pcns.Append(report.Totals))
        {
            csv.AppendLine(string.Join(",", new[]
            {
                Cell(report.Name), Cell(report.Year), Cell(p.PcnCode), Cell(p.PcnName), Number(p.Population), Number(p.Allocated), Cell(p.Working),
                Number(p.Requested), Number(p.Approved), Number(p.Paid), Number(p.Remaining),
            }));
        }

        var name = $"od-fund-{report.Year.Replace('/', '-')}-{report.FundId}.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", name);
    }

    private static string Number(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Quotes a text cell and neutralises spreadsheet formulas (a leading =, +, -, @, tab or carriage return gets a leading apostrophe).</summary>
    public static string Cell(string? text)
    {
        var value = CsvCells.Neutralise(text ?? string.Empty);
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
