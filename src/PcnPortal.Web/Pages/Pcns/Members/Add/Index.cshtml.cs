using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Pcns.Members.Add;

/// <summary>Adds a practice to a PCN from a date; PRACTICE-MULTIPLE-PCNS refuses a practice already in another PCN then.</summary>
[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class IndexModel(PortalDbContext db, PcnMembershipService memberships) : PageModel
{
    [BindProperty]
    public AddMemberForm Input { get; set; } = new();

    public string Code { get; private set; } = string.Empty;

    public string PcnName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var pcn = await LoadAsync(code, cancellationToken);
        if (pcn is null)
        {
            return NotFound();
        }

        Input.PracticeCode = Input.PracticeCode.Trim().ToUpperInvariant();
        Input.PracticeName = string.IsNullOrWhiteSpace(Input.PracticeName) ? null : Input.PracticeName.Trim();
        var format = OdsCodeRules.CheckPracticeCode(Input.PracticeCode);
        var practice = await db.Practices.SingleOrDefaultAsync(p => p.Code == Input.PracticeCode, cancellationToken);
        if (format.Severity == RuleSeverity.Fail)
        {
            ModelState.AddModelError("Input.PracticeCode", format.Explanation);
        }
        else if (practice is null && Input.PracticeName is null)
        {
            ModelState.AddModelError("Input.PracticeName", $"Practice {Input.PracticeCode} is not in the register yet: enter its name to add it.");
        }

        if (Input.StartDate is null)
        {
            ModelState.AddModelError("Input.StartDate", "Enter the date the practice joins, for example 2024-04-01.");
        }
        else if (Input.StartDate < pcn.OpenDate)
        {
            ModelState.AddModelError("Input.StartDate", $"The practice cannot join before the PCN opened on {pcn.OpenDate:d MMMM yyyy}.");
        }

        if (ModelState.IsValid && practice is not null)
        {
            var clash = await memberships.CheckJoinAsync(pcn.Id, Input.PracticeCode, Input.StartDate!.Value, cancellationToken);
            if (clash is not null)
            {
                ModelState.AddModelError("Input.PracticeCode", clash);
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        practice ??= db.Practices.Add(new Practice { Code = Input.PracticeCode, Name = Input.PracticeName!, CcgCode = pcn.CcgCode }).Entity;
        db.PcnMemberships.Add(new PcnMembership { PcnId = pcn.Id, Practice = practice, StartDate = Input.StartDate!.Value });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{practice.Name} ({practice.Code}) is a member of {pcn.Name} from {Input.StartDate:d MMMM yyyy}.";
        return Redirect($"/pcns/{pcn.Code}");
    }

    private async Task<Pcn?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var pcn = await db.Pcns.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        Code = pcn?.Code ?? string.Empty;
        PcnName = pcn?.Name ?? string.Empty;
        return pcn;
    }

    public sealed class AddMemberForm
    {
        public string PracticeCode { get; set; } = string.Empty;

        public string? PracticeName { get; set; }

        public DateOnly? StartDate { get; set; }
    }
}
