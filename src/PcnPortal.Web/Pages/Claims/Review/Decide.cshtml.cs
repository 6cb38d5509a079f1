using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Claims.Review;

/// <summary>Approve, reject (coded reason and text) or query one claim line. The first of two reviewers wins.</summary>
[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class DecideModel(PortalDbContext db, ArrsDecisionService decisions, ICurrentUser currentUser) : PageModel
{
    public ArrsClaimLine Line { get; private set; } = null!;

    public string PcnName { get; private set; } = "";

    [BindProperty] public DecisionForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input.Version = Line.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var decision = Input.Decision switch
        {
            "approve" => ArrsDecision.Approve,
            "reject" => ArrsDecision.Reject,
            "query" => ArrsDecision.Query,
            _ => (ArrsDecision?)null,
        };
        if (decision is null)
        {
            ModelState.AddModelError("Input.Decision", "Select approve, reject or query.");
        }
        else if (decision == ArrsDecision.Reject)
        {
            if (!ArrsRejectionReasons.IsKnown(Input.Reason))
            {
                ModelState.AddModelError("Input.Reason", "Select the reason for rejecting the line.");
            }

            if (string.IsNullOrWhiteSpace(Input.Text))
            {
                ModelState.AddModelError("Input.Text", "Explain why the line is rejected; the PCN will see this.");
            }
        }
        else if (decision == ArrsDecision.Query && string.IsNullOrWhiteSpace(Input.Text))
        {
            ModelState.AddModelError("Input.Text", "Enter the question for the PCN.");
        }

        if (Input.Text is { Length: > 2000 })
        {
            ModelState.AddModelError("Input.Text", "The text must be 2,000 characters or fewer.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await decisions.DecideAsync(id, Input.Version, decision!.Value, Input.Reason, Input.Text, currentUser.Name, cancellationToken);
        if (outcome is ArrsDecisionOutcome.ChangedBySomeoneElse or ArrsDecisionOutcome.AlreadyDecided)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            Input.Version = Line.Version;
            ModelState.Clear();
            ModelState.AddModelError("Input.Decision", $"Someone else decided or changed this line while you were looking at it; it is now {Line.Status}. Your decision was not saved.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        TempData["Success"] = $"The claim line for {Line.StaffName}, {ArrsDisplay.Month(Line.Month)}, was {(decision == ArrsDecision.Approve ? "approved" : decision == ArrsDecision.Reject ? "rejected" : "queried with the PCN")}.";
        return Redirect("/claims/review");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.ArrsClaimLines.AsNoTracking().Include(l => l.Outcomes).Include(l => l.Pcn).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (found is null)
        {
            return false;
        }

        var order = ArrsAssessment.RuleCodes.ToList();
        found.Outcomes = [.. found.Outcomes.OrderBy(o => order.IndexOf(o.Code))];
        Line = found;
        PcnName = $"{found.Pcn!.Name} ({found.Pcn.Code})";
        return true;
    }

    public sealed class DecisionForm
    {
        public string? Decision { get; set; }

        public string? Reason { get; set; }

        public string? Text { get; set; }

        public int Version { get; set; }
    }
}
