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
public sealed class InterestsModel(PortalDbContext db, UserManager<PortalUser> users) : PageModel
{
    [BindProperty]
    public InterestForm Input { get; set; } = new();

    public List<OdDeclaredInterest> Interests { get; private set; } = [];

    public List<PortalUser> People { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync();
        var person = People.FirstOrDefault(p => p.Id == Input.UserId);
        if (person is null)
        {
            ModelState.AddModelError("Input.UserId", "Select the person declaring the interest");
        }

        var code = Input.OrganisationCode?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
        {
            ModelState.AddModelError("Input.OrganisationCode", "Enter the PCN or practice ODS code, for example U90001");
        }
        else if (!await db.Pcns.AnyAsync(p => p.Code == code, cancellationToken) && !await db.Practices.AnyAsync(p => p.Code == code, cancellationToken))
        {
            ModelState.AddModelError("Input.OrganisationCode", $"There is no PCN or practice with the code {code}");
        }

        if (string.IsNullOrWhiteSpace(Input.Nature))
        {
            ModelState.AddModelError("Input.Nature", "Describe the interest, for example GP partner at a member practice");
        }

        if (!FormValues.TryParseDate(Input.From, out var from))
        {
            ModelState.AddModelError("Input.From", "Enter the date the interest starts, for example 2020-04-01");
        }

        DateOnly? to = null;
        if (!string.IsNullOrWhiteSpace(Input.To))
        {
            if (!FormValues.TryParseDate(Input.To, out var parsed))
            {
                ModelState.AddModelError("Input.To", "Enter the date the interest ends, for example 2022-03-31, or leave it blank");
            }
            else if (parsed < from)
            {
                ModelState.AddModelError("Input.To", "The end date must be on or after the start date");
            }
            else
            {
                to = parsed;
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        db.OdDeclaredInterests.Add(new OdDeclaredInterest
        {
            UserId = person!.Id,
            PersonName = person.DisplayName,
            OrganisationCode = code!,
            Nature = Input.Nature!.Trim(),
            From = from,
            To = to,
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

        public string? From { get; set; }

        public string? To { get; set; }
    }
}
