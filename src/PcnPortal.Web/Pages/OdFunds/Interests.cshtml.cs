using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Features.OdFunds;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.OdFunds;

/// <summary>The register of interests: who has declared an interest in which PCN or practice, what, and when.</summary>
[Authorize(Policy = PortalPolicies.Administration)]
public sealed class InterestsModel(PortalDbContext db, UserManager<PortalUser> users, IValidator<InterestsModel.InterestForm> validator) : PageModel
{
    [BindProperty]
    public InterestForm Input { get; set; } = new();

    public List<OdDeclaredInterest> Interests { get; private set; } = [];

    public List<PortalUser> People { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync();
        ModelState.AddErrors(await validator.ValidateAsync(Input, cancellationToken));
        var person = People.FirstOrDefault(p => p.Id == Input.UserId);
        if (person is null && !ModelState.HasError("Input.UserId"))
        {
            ModelState.AddModelError("Input.UserId", "Select the person declaring the interest");
        }

        var code = Input.OrganisationCode?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(code) && !await db.Pcns.AnyAsync(p => p.Code == code, cancellationToken) && !await db.Practices.AnyAsync(p => p.Code == code, cancellationToken))
        {
            ModelState.AddModelError("Input.OrganisationCode", $"There is no PCN or practice with the code {code}");
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithErrors();
        }

        db.OdDeclaredInterests.Add(new OdDeclaredInterest
        {
            UserId = person!.Id,
            PersonName = person.DisplayName,
            OrganisationCode = code!,
            Nature = Input.Nature!.Trim(),
            From = Input.From.Date!.Value,
            To = Input.To.Date,
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{person.DisplayName}'s interest in {code} is on the register.";
        return Redirect("/od-funds/interests");
    }

    private async Task LoadAsync()
    {
        Interests = await db.OdDeclaredInterests.AsNoTracking().OrderBy(i => i.PersonName).ThenBy(i => i.From).ToListAsync();
        People = [.. (await users.GetUsersInRoleAsync(PortalRoles.PanelMember)).OrderBy(u => u.DisplayName)];
    }

    public sealed class InterestForm
    {
        public string? UserId { get; set; }

        public string? OrganisationCode { get; set; }

        public string? Nature { get; set; }

        public DateParts From { get; set; } = new();

        public DateParts To { get; set; } = new();
    }

    public sealed class InterestFormValidator : AbstractValidator<InterestForm>
    {
        public InterestFormValidator()
        {
            RuleFor(f => f.UserId).NotEmpty().WithMessage("Select the person declaring the interest");
            RuleFor(f => f.OrganisationCode).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("Enter the PCN or practice ODS code, for example U90001");
            RuleFor(f => f.Nature).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Describe the interest, for example GP partner at a member practice");
            RuleFor(f => f.From).ValidDate("the date the interest starts");
            RuleFor(f => f.To).ValidDate("the date the interest ends", required: false);
            RuleFor(f => f.To).Must((f, to) => to.Date is not { } end || f.From.Date is not { } start || end >= start)
                .WithMessage("The end date must be on or after the start date");
        }
    }
}
