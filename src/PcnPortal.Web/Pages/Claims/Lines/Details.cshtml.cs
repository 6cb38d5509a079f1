using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Claims.Lines;

/// <summary>One claim line with its figures and every rule's explanation; a PCN user answers a query here.</summary>
[Authorize(Policy = PortalPolicies.PcnOrCommissioner)]
public sealed class DetailsModel(PortalDbContext db, ICurrentUser currentUser, PcnScope scope, ArrsDecisionService decisions) : PageModel
{
    public ArrsClaimLine Line { get; private set; } = null!;

    public string PcnCode { get; private set; } = "";

    public string PcnName { get; private set; } = "";

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public bool CanAnswer => Line.Status == ArrsClaimStatus.Queried && scope.IsPcnUser;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanAnswer)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(Answer))
        {
            ModelState.AddModelError(nameof(Answer), "Enter your answer to the contracts team's question.");
        }
        else if (Answer.Length > 2000)
        {
            ModelState.AddModelError(nameof(Answer), "Your answer must be 2,000 characters or fewer.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await decisions.AnswerQueryAsync(id, Version, Answer!, currentUser.Name, cancellationToken);
        if (outcome != ArrsDecisionOutcome.Done)
        {
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError(nameof(Answer), "This line was changed by someone else; it is shown as it is now.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        TempData["Success"] = "Your answer was sent and the line is submitted again for review.";
        return Redirect($"/claims/lines/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.ArrsClaimLines.AsNoTracking().Include(l => l.Outcomes).Include(l => l.Pcn).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (found is null || !scope.CanSee(found.Pcn!.Code))
        {
            // Another PCN's line looks exactly like one that does not exist.
            return false;
        }

        Line = found;
        PcnCode = found.Pcn.Code;
        PcnName = found.Pcn.Name;
        Version = found.Version;
        var order = PcnPortal.Domain.Arrs.Engine.ArrsAssessment.RuleCodes.ToList();
        Line.Outcomes = [.. found.Outcomes.OrderBy(o => order.IndexOf(o.Code))];
        return true;
    }
}
