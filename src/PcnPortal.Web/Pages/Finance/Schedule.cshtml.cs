using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Finance;

/// <summary>
/// The ARRS payment schedule and the monthly payment run: finance chooses a claim month (this month by default), sees
/// every PCN's approved lines not yet paid, and marks them all paid with one payment reference and date.
/// </summary>
[Authorize(Policy = PortalPolicies.FinanceOrContracts)]
public sealed class ScheduleModel(ArrsPaymentScheduleQuery schedule, TimeProvider clock, IAuthorizationService authorization, IValidator<ScheduleModel.PaymentRunForm> validator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    /// <summary>The claim month of the payment run (YYYY-MM); this month when not given.</summary>
    [BindProperty(SupportsGet = true, Name = "month")]
    public string? MonthText { get; set; }

    [BindProperty]
    public PaymentRunForm Input { get; set; } = new();

    public FinancialYear SelectedYear { get; private set; }

    public DateOnly SelectedMonth { get; private set; }

    /// <summary>The chosen month's rows, one a PCN with approved or paid lines that month.</summary>
    public List<PaymentScheduleRow> MonthRows { get; private set; } = [];

    /// <summary>Approved lines of the month not yet paid: the payment run.</summary>
    public int RunLines => MonthRows.Sum(r => r.LinesToPay);

    public decimal RunTotal => MonthRows.Sum(r => r.ToPay);

    public int RunPcns => MonthRows.Count(r => r.LinesToPay > 0);

    /// <summary>The months offered in the month list: those with lines waiting for payment, this month and the chosen one, newest first.</summary>
    public List<PaymentWaitingMonth> Months { get; private set; } = [];

    /// <summary>The year's schedule by month, newest first: (month, PCNs, lines to pay, to pay, lines paid, paid).</summary>
    public List<(DateOnly Month, int Pcns, int LinesToPay, decimal ToPay, int LinesPaid, decimal Paid)> YearMonths { get; private set; } = [];

    public bool CanMarkPaid { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!SelectMonth())
        {
            ModelState.AddModelError("month", $"'{MonthText}' is not a month: choose one from the list");
            await LoadAsync(cancellationToken);
            return this.PageWithErrors();
        }

        await LoadAsync(cancellationToken);
        Input = new PaymentRunForm { Month = FormDate.IsoMonth(SelectedMonth), Lines = RunLines, Total = RunTotal.ToString("0.00", CultureInfo.InvariantCulture) };
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        SelectedYear = Finance.IndexModel.SelectYear(Year, clock);
        var rows = await schedule.GetAsync(SelectedYear, cancellationToken);
        return File(Encoding.UTF8.GetBytes(ArrsPaymentScheduleQuery.ToCsv(rows)), "text/csv", $"arrs-payment-schedule-{SelectedYear.StartYear}.csv");
    }

    /// <summary>Marks every approved line of the month paid, with one reference and date; then back to the month (PRG).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, PortalPolicies.Finance)).Succeeded)
        {
            return Forbid();
        }

        if (Input.ParsedMonth is not { } month)
        {
            return BadRequest();
        }

        MonthText = FormDate.IsoMonth(month);
        SelectMonth();
        Input.Today = clock.Today();
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            await LoadAsync(cancellationToken);
            return this.PageWithErrors(validation);
        }

        var result = await schedule.MarkRunPaidAsync(month, Input.Lines, Input.ParsedTotal!.Value, Input.Reference!.Trim(), Input.PaidOn.Date!.Value, cancellationToken);
        switch (result.Outcome)
        {
            case PaymentRunOutcome.Done:
                TempData["Success"] = $"Payment run for {ArrsDisplay.Month(month)} recorded: {Lines(result.Lines)} for {result.Pcns} {(result.Pcns == 1 ? "PCN" : "PCNs")}, "
                    + $"{Money.Format(result.Total)} in all, marked paid on {FormValues.Date(Input.PaidOn.Date!.Value)} with payment reference {Input.Reference!.Trim()}.";
                return Redirect($"/finance/schedule?month={FormDate.IsoMonth(month)}");
            case PaymentRunOutcome.NothingToPay:
                TempData["Success"] = $"There are no approved lines for {ArrsDisplay.Month(month)} waiting for payment: nothing was marked paid.";
                return Redirect($"/finance/schedule?month={FormDate.IsoMonth(month)}");
            default:
                await LoadAsync(cancellationToken);
                Input.Lines = RunLines;
                Input.Total = RunTotal.ToString("0.00", CultureInfo.InvariantCulture);
                ModelState.Remove("Input.Lines");
                ModelState.Remove("Input.Total");
                return this.PageWithError("Input.Reference",
                    $"The approved lines for {ArrsDisplay.Month(month)} changed after you opened this page: there are now {Lines(result.Lines)} to pay, {Money.Format(result.Total)} in all. Nothing was marked paid. Check the list below and mark them paid again");
        }
    }

    public static string Lines(int count) => count == 1 ? "1 line" : $"{count:N0} lines";

    /// <summary>The chosen month (this month when none is given; for a year without a month, this month if in it, else the year's last month).</summary>
    private bool SelectMonth()
    {
        var today = clock.Today();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        if (!string.IsNullOrWhiteSpace(MonthText))
        {
            if (!FormDate.TryParseIsoMonth(MonthText.Trim(), out var month))
            {
                SelectedMonth = thisMonth;
                SelectedYear = FinancialYear.Containing(thisMonth);
                return false;
            }

            SelectedMonth = month;
        }
        else if (FinancialYear.TryParse(Year, out var year) && !year.Contains(thisMonth))
        {
            SelectedMonth = new DateOnly(year.LastDay.Year, year.LastDay.Month, 1);
        }
        else
        {
            SelectedMonth = thisMonth;
        }

        SelectedYear = FinancialYear.Containing(SelectedMonth);
        return true;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanMarkPaid = (await authorization.AuthorizeAsync(User, PortalPolicies.Finance)).Succeeded;
        var rows = await schedule.GetAsync(SelectedYear, cancellationToken);
        MonthRows = [.. rows.Where(r => r.Month == SelectedMonth).OrderBy(r => r.PcnCode, StringComparer.Ordinal)];
        YearMonths = [.. rows.GroupBy(r => r.Month).OrderByDescending(g => g.Key)
            .Select(g => (g.Key, g.Count(), g.Sum(r => r.LinesToPay), g.Sum(r => r.ToPay), g.Sum(r => r.LinesPaid), g.Sum(r => r.Paid)))];
        var waiting = await schedule.WaitingMonthsAsync(cancellationToken);
        var today = clock.Today();
        var extra = new[] { new DateOnly(today.Year, today.Month, 1), SelectedMonth }
            .Where(m => waiting.All(w => w.Month != m))
            .Distinct()
            .Select(m => new PaymentWaitingMonth(m, 0, 0m));
        Months = [.. waiting.Concat(extra).OrderByDescending(m => m.Month)];
    }

    public sealed class PaymentRunForm
    {
        /// <summary>The claim month (hidden, YYYY-MM).</summary>
        public string? Month { get; set; }

        /// <summary>How many lines finance saw (hidden): the run is refused if the month's lines changed since.</summary>
        public int Lines { get; set; }

        /// <summary>The total finance saw (hidden, pounds).</summary>
        public string? Total { get; set; }

        public string? Reference { get; set; }

        public DateParts PaidOn { get; set; } = new();

        internal DateOnly Today { get; set; }

        internal DateOnly? ParsedMonth => FormDate.TryParseIsoMonth(Month, out var month) ? month : null;

        internal decimal? ParsedTotal => decimal.TryParse(Total, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var total) ? total : null;
    }

    public sealed class PaymentRunFormValidator : AbstractValidator<PaymentRunForm>
    {
        public PaymentRunFormValidator()
        {
            RuleFor(f => f.Reference).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the payment reference")
                .MaximumLength(ArrsClaimLine.PaymentReferenceMaxLength).WithMessage($"The payment reference must be {ArrsClaimLine.PaymentReferenceMaxLength} characters or fewer");
            RuleFor(f => f.PaidOn).ValidDate("the date the payment was made");
            RuleFor(f => f.PaidOn)
                .Must((f, d) => d.Date is not { } paid || paid <= f.Today).WithMessage("The date the payment was made must be today or in the past")
                .Must((f, d) => d.Date is not { } paid || f.ParsedMonth is not { } month || paid >= month)
                .WithMessage(f => $"The date the payment was made must be on or after the start of the month claimed ({f.ParsedMonth:d MMMM yyyy})");
            RuleFor(f => f.Total).Must(t => decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                .WithMessage("Open the payment run again from the schedule: the total shown was not sent");
        }
    }
}
