using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Finance.Schedule;

/// <summary>Monthly payment schedule of approved ARRS lines per PCN; finance marks a PCN-month paid.</summary>
[Authorize(Policy = PortalPolicies.FinanceOrContracts)]
public sealed class IndexModel(ArrsPaymentScheduleQuery schedule, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty]
    public string? Pcn { get; set; }

    [BindProperty]
    public string? Month { get; set; }

    [BindProperty]
    public string? PaidOn { get; set; }

    public FinancialYear SelectedYear { get; private set; }

    public List<PaymentScheduleRow> Rows { get; private set; } = [];

    public bool CanMarkPaid => User.IsInRole(PortalRoles.CommissionerFinance) || User.IsInRole(PortalRoles.Administrator);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SelectedYear = Finance.IndexModel.SelectYear(Year, clock);
        Rows = await schedule.GetAsync(SelectedYear, cancellationToken);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        SelectedYear = Finance.IndexModel.SelectYear(Year, clock);
        var rows = await schedule.GetAsync(SelectedYear, cancellationToken);
        return File(Encoding.UTF8.GetBytes(ArrsPaymentScheduleQuery.ToCsv(rows)), "text/csv", $"arrs-payment-schedule-{SelectedYear.StartYear}.csv");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanMarkPaid)
        {
            return Forbid();
        }

        SelectedYear = Finance.IndexModel.SelectYear(Year, clock);
        var today = clock.Today();
        var monthOk = DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month);
        if (string.IsNullOrWhiteSpace(PaidOn))
        {
            ModelState.AddModelError(nameof(PaidOn), "Enter the date the payment was made, for example 2024-05-28");
        }
        else if (!DateOnly.TryParseExact(PaidOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var paidOn))
        {
            ModelState.AddModelError(nameof(PaidOn), "Enter the paid date as YYYY-MM-DD, for example 2024-05-28");
        }
        else if (paidOn > today)
        {
            ModelState.AddModelError(nameof(PaidOn), "The paid date must be today or in the past");
        }
        else if (monthOk && paidOn < month)
        {
            ModelState.AddModelError(nameof(PaidOn), $"The paid date must be on or after the start of the month claimed ({month:yyyy-MM-dd})");
        }
        else if (!monthOk || string.IsNullOrWhiteSpace(Pcn))
        {
            return BadRequest();
        }
        else
        {
            var count = await schedule.MarkPaidAsync(Pcn, month, paidOn, cancellationToken);
            TempData["Success"] = count == 0
                ? $"There were no approved lines left to pay for {Pcn} in {ArrsDisplay.Month(month)}."
                : $"{count} approved lines for {Pcn} in {ArrsDisplay.Month(month)} marked paid on {paidOn:d MMMM yyyy}.";
            return Redirect($"/finance/schedule?year={SelectedYear}");
        }

        Rows = await schedule.GetAsync(SelectedYear, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
