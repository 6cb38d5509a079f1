using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Finance;

/// <summary>Monthly payment schedule of approved ARRS lines per PCN; finance marks a PCN-month paid.</summary>
[Authorize(Policy = PortalPolicies.FinanceOrContracts)]
public sealed class ScheduleModel(ArrsPaymentScheduleQuery schedule, TimeProvider clock, IValidator<ScheduleModel.MarkPaidForm> validator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    /// <summary>One row's "mark paid" form, bound without a prefix: "Pcn", "Month" (hidden, YYYY-MM) and the "PaidOn" date boxes.</summary>
    [BindProperty(Name = "")]
    public MarkPaidForm Input { get; set; } = new();

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
        Input.Today = clock.Today();
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            Rows = await schedule.GetAsync(SelectedYear, cancellationToken);
            return this.PageWithErrors(validation, prefix: "");
        }

        if (Input.ParsedMonth is not { } month || string.IsNullOrWhiteSpace(Input.Pcn))
        {
            return BadRequest();
        }

        var pcn = Input.Pcn;
        var paidOn = Input.PaidOn.Date!.Value;
        var count = await schedule.MarkPaidAsync(pcn, month, paidOn, cancellationToken);
        TempData["Success"] = count == 0
            ? $"There were no approved lines left to pay for {pcn} in {ArrsDisplay.Month(month)}."
            : $"{count} approved lines for {pcn} in {ArrsDisplay.Month(month)} marked paid on {paidOn:d MMMM yyyy}.";
        return Redirect($"/finance/schedule?year={SelectedYear}");
    }

    public sealed class MarkPaidForm
    {
        public string? Pcn { get; set; }

        public string? Month { get; set; }

        public DateParts PaidOn { get; set; } = new();

        internal DateOnly Today { get; set; }

        internal DateOnly? ParsedMonth => FormDate.TryParseIsoMonth(Month, out var month) ? month : null;
    }

    public sealed class MarkPaidFormValidator : AbstractValidator<MarkPaidForm>
    {
        public MarkPaidFormValidator()
        {
            RuleFor(f => f.PaidOn).ValidDate("the date the payment was made");
            RuleFor(f => f.PaidOn)
                .Must((f, d) => d.Date is not { } paid || paid <= f.Today).WithMessage("The paid date must be today or in the past")
                .Must((f, d) => d.Date is not { } paid || f.ParsedMonth is not { } month || paid >= month)
                .WithMessage(f => $"The paid date must be on or after the start of the month claimed ({f.ParsedMonth:d MMMM yyyy})");
        }
    }
}
