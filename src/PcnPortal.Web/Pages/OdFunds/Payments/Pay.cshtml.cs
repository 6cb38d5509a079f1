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
public sealed class PayModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? PaidDate { get; set; }

    [BindProperty]
    public OdPaymentTiming Timing { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public OdPayment Payment { get; private set; } = null!;

    public string PcnName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        PaidDate = clock.Today().ToString("yyyy-MM-dd");
        Timing = Payment.Timing;
        Version = Payment.Version;
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
            ModelState.AddModelError(nameof(PaidDate), "This payment is already marked paid");
        }
        else if (!FormValues.TryParseDate(PaidDate, out var date))
        {
            ModelState.AddModelError(nameof(PaidDate), "Enter the date it was paid, for example 2021-03-15");
        }
        else if (date > clock.Today())
        {
            ModelState.AddModelError(nameof(PaidDate), "The date paid cannot be in the future");
        }
        else if (!Enum.IsDefined(Timing))
        {
            ModelState.AddModelError(nameof(Timing), "Choose in year or retrospective");
        }
        else
        {
            db.Entry(Payment).Property(p => p.Version).OriginalValue = Version;
            Payment.PaidDate = date;
            Payment.Timing = Timing;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = $"The payment to {PcnName} is marked paid on {FormValues.Date(date)}.";
                return Redirect($"/od-funds/{Payment.FundId}#payments");
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError(nameof(PaidDate), "This payment was changed by someone else; check it and try again");
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
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
