using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Features.OdFunds;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.OdFunds.Payments;

/// <summary>Finance marks a payment of an approved amount as paid, with the date and whether it was in year or retrospective.</summary>
[Authorize(Policy = PortalPolicies.Finance)]
public sealed class PayModel(PortalDbContext db, TimeProvider clock, IValidator<PayModel.PayForm> validator) : PageModel
{
    /// <summary>Bound without a prefix: the "PaidDate" date boxes, "Timing" and "Version".</summary>
    [BindProperty(Name = "")]
    public PayForm Input { get; set; } = new();

    public OdPayment Payment { get; private set; } = null!;

    public string PcnName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input.PaidDate = DateParts.From(clock.Today());
        Input.Timing = Payment.Timing;
        Input.Version = Payment.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (Payment.IsPaid)
        {
            return this.PageWithError("PaidDate", "This payment is already marked paid");
        }

        Input.Today = clock.Today();
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation, prefix: "");
        }

        if (await OdApprovalLimits.CheckPaymentAsync(db, Payment, cancellationToken) is { Count: > 0 } failures)
        {
            // Re-checked at payment time: a payment can never take the PCN past its share or the fund past its distributable amount.
            return this.PageWithErrors(failures.Select(f => new FormError("PaidDate", f.Explanation)), prefix: "");
        }

        {
            var date = Input.PaidDate.Date!.Value;
            db.Entry(Payment).Property(p => p.Version).OriginalValue = Input.Version;
            db.Entry(await db.OdFunds.SingleAsync(f => f.Id == Payment.FundId, cancellationToken)).Property(f => f.Version).IsModified = true;
            Payment.PaidDate = date;
            Payment.Timing = Input.Timing;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = $"The payment to {PcnName} is marked paid on {FormValues.Date(date)}.";
                return Redirect($"/od-funds/{Payment.FundId}#payments");
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError("PaidDate", "This payment was changed by someone else; check it and try again");
            }
        }

        return this.PageWithErrors();
    }

    public sealed class PayForm
    {
        public DateParts PaidDate { get; set; } = new();

        public OdPaymentTiming Timing { get; set; }

        public int Version { get; set; }

        internal DateOnly Today { get; set; }
    }

    public sealed class PayFormValidator : AbstractValidator<PayForm>
    {
        public PayFormValidator()
        {
            RuleFor(f => f.PaidDate).ValidDate("the date it was paid");
            RuleFor(f => f.PaidDate).Must((f, d) => d.Date is not { } paid || paid <= f.Today).WithMessage("The date paid cannot be in the future");
            RuleFor(f => f.Timing).IsInEnum().WithMessage("Choose in year or retrospective");
        }
    }

    private async Task<bool> LoadAsync(int id)
    {
        var payment = await db.OdPayments.SingleOrDefaultAsync(p => p.Id == id);
        if (payment is null)
        {
            return false;
        }

        Payment = payment;
        PcnName = await db.Pcns.Where(p => p.Code == payment.PcnCode).Select(p => p.Name).FirstOrDefaultAsync() ?? payment.PcnCode;
        return true;
    }
}
