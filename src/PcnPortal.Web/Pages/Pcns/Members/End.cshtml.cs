using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Pcns.Members;

/// <summary>Ends a practice's membership on a date (the last day it is a member).</summary>
[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class EndModel(PortalDbContext db, IValidator<EndModel.EndForm> validator) : PageModel
{
    /// <summary>Bound without a prefix: the field is "EndDate".</summary>
    [BindProperty(Name = "")]
    public EndForm Input { get; set; } = new();

    public PcnMembership Membership { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, int id, CancellationToken cancellationToken) =>
        await LoadAsync(code, id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, id, cancellationToken))
        {
            return NotFound();
        }

        Input.JoinedOn = Membership.StartDate;
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation, prefix: "");
        }

        var endDate = Input.EndDate.Date;
        Membership.EndDate = endDate;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{Membership.Practice!.Name} leaves {Membership.Pcn!.Name} after {endDate:d MMMM yyyy}.";
        return Redirect($"/pcns/{code}");
    }

    private async Task<bool> LoadAsync(string code, int id, CancellationToken cancellationToken)
    {
        var membership = await db.PcnMemberships.Include(m => m.Practice).Include(m => m.Pcn)
            .SingleOrDefaultAsync(m => m.Id == id && m.Pcn!.Code == code && m.EndDate == null, cancellationToken);
        Membership = membership!;
        return membership is not null;
    }

    public sealed class EndForm
    {
        public DateParts EndDate { get; set; } = new();

        internal DateOnly JoinedOn { get; set; }
    }

    public sealed class EndFormValidator : AbstractValidator<EndForm>
    {
        public EndFormValidator()
        {
            RuleFor(f => f.EndDate).ValidDate("the last day the practice is a member");
            RuleFor(f => f.EndDate).Must((f, d) => d.Date is not { } end || end >= f.JoinedOn)
                .WithMessage(f => $"The end date must be on or after the day it joined ({f.JoinedOn:d MMMM yyyy}).");
        }
    }
}
