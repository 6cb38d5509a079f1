using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web;

namespace PcnPortal.Web.Pages.Finance;

/// <summary>Spend against ARRS entitlement for a year: per PCN and for the CCG, with a forecast to year end.</summary>
[Authorize(Policy = PortalPolicies.FinanceOrContracts)]
public sealed class IndexModel(ArrsEntitlementQuery query, ArrsClaimExporter exporter, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    public FinancialYear SelectedYear { get; private set; }

    /// <summary>PCN rows a page: a CCG's PCNs fit on one; a database holding claims for many more is paged.</summary>
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public EntitlementReport Report { get; private set; } = null!;

    /// <summary>The PCN rows on this page (the totals are always for every PCN in the report).</summary>
    public IReadOnlyList<PcnEntitlement> Rows { get; private set; } = [];

    public Paging Paging { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        SelectedYear = SelectYear(Year, clock);
        Report = await query.GetAsync(SelectedYear, cancellationToken: cancellationToken);
        Paging = Paging.For(Report.Pcns.Count, PageSize, PageNumber);
        PageNumber = Paging.PageNumber;
        Rows = [.. Report.Pcns.Skip(Paging.Skip).Take(PageSize)];
        return Page();
    }

    public string PageLink(int page) => $"/finance?year={Uri.EscapeDataString(SelectedYear.ToString())}&p={page}";

    /// <summary>The entitlements CSV (the same file as export-entitlements).</summary>
    public async Task<IActionResult> OnGetEntitlementsCsvAsync(CancellationToken cancellationToken)
    {
        SelectedYear = SelectYear(Year, clock);
        var report = await query.GetAsync(SelectedYear, cancellationToken: cancellationToken);
        return File(Encoding.UTF8.GetBytes(ArrsEntitlementCsv.Write(report)), "text/csv", $"arrs-entitlements-{SelectedYear.StartYear}.csv");
    }

    /// <summary>Every claim line of the year in the contract's export format (the same file as export-claims).</summary>
    public async Task<IActionResult> OnGetClaimsCsvAsync(CancellationToken cancellationToken)
    {
        SelectedYear = SelectYear(Year, clock);
        var (csv, _) = await exporter.ExportAsync(SelectedYear, null, cancellationToken);
        return File(Encoding.UTF8.GetBytes(csv), "text/csv", $"arrs-claims-{SelectedYear.StartYear}.csv");
    }

    internal static FinancialYear SelectYear(string? text, TimeProvider clock) =>
        FinancialYear.TryParse(text, out var year) ? year : FinancialYear.Containing(clock.Today());
}
