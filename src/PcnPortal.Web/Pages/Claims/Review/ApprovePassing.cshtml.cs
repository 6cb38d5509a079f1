using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Claims.Review;

/// <summary>
/// Bulk approval, confirmed: the lines on the queue page that pass every rule, how many and their total; approving
/// them posts the versions shown here and redirects back to the queue (no resubmission on refresh).
/// </summary>
[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class ApprovePassingModel(ArrsReviewQueueQuery queue, ArrsDecisionService decisions, ICurrentUser currentUser) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "")]
    public ReviewQueueState Queue { get; set; } = new();

    public IReadOnlyList<ReviewQueueRow> Lines { get; private set; } = [];

    public decimal Total => Lines.Sum(l => l.Reimbursable);

    public string BackToQueue => "/claims/review" + Queue.ToQuery();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Lines = await queue.PassingOnPageAsync(Queue, cancellationToken);

    /// <summary>Approves the confirmed lines that are still waiting, unchanged and pass every rule.</summary>
    public async Task<IActionResult> OnPostAsync([FromForm] Dictionary<int, int> versions, CancellationToken cancellationToken)
    {
        var approved = versions.Count == 0 ? 0 : await decisions.ApproveAllPassingAsync(versions, currentUser.Name, cancellationToken);
        TempData["Success"] = approved < 0
            ? "Someone else changed these lines while you were approving them; nothing was approved. The queue shows them as they are now."
            : approved == versions.Count
                ? $"{approved} {(approved == 1 ? "line" : "lines")} that passed every rule {(approved == 1 ? "was" : "were")} approved."
                : $"{approved} of the {versions.Count} lines were approved; the others had been decided or changed since you confirmed.";
        return Redirect(BackToQueue);
    }

    public static string Plural(int n) => n == 1 ? "line" : "lines";

    public static string Amount(decimal total) => Money.Format(total);
}
