using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Claims.Review;

/// <summary>
/// The contracts team's queue: a table of claim lines to filter and sort (failures first, then due date, by default),
/// 50 to a page; each line links to its decision page, which carries the queue's filters and order. The lines on the
/// page that pass every rule can be approved together after a confirmation page.
/// </summary>
[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class IndexModel(ArrsReviewQueueQuery queue, IValidator<ReviewQueueState> validator) : PageModel
{
    /// <summary>The filters, sort and page, bound from the query string without a prefix.</summary>
    [BindProperty(SupportsGet = true, Name = "")]
    public ReviewQueueState Queue { get; set; } = new();

    public IReadOnlyList<ReviewQueueRow> Rows { get; private set; } = [];

    public Paging Paging { get; private set; }

    public int Total => Paging.Total;

    public List<(string Code, string Name)> Roles { get; private set; } = [];

    /// <summary>The lines on this page that bulk approval would approve, and their total.</summary>
    public IReadOnlyList<ReviewQueueRow> Passing => Rows.Where(r => r.Status == PcnPortal.Domain.Arrs.Claims.ArrsClaimStatus.Submitted && r.Worst == RuleSeverity.Pass && r.Reimbursable > 0m).ToList();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Roles = (await queue.RoleNamesAsync(cancellationToken)).OrderBy(r => r.Value, StringComparer.Ordinal).Select(r => (r.Key, r.Value)).ToList();
        var validation = await validator.ValidateAsync(Queue, cancellationToken);
        if (!validation.IsValid)
        {
            // The list is still shown, without the filter that could not be read; the summary says which and why.
            ModelState.AddErrors(validation, prefix: "");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        var page = await queue.GetPageAsync(Queue, cancellationToken);
        Rows = page.Rows;
        Paging = page.Paging;
    }

    public string PageLink(int page) => "/claims/review" + Queue.ToQuery(page: page);

    /// <summary>The link a column header sorts by: the column in its natural direction, or reversed when it is already sorted by it.</summary>
    public string SortLink(string column)
    {
        var natural = ReviewQueueState.NaturallyDescending(column);
        var descending = Queue.SortColumn == column ? !Queue.Descending : natural;
        return "/claims/review" + Queue.ToQuery(page: 1, sort: column, dir: descending ? "desc" : "asc");
    }

    /// <summary>The queue's filters as typed: days left 0 or more (more than a year of working days looks a year ahead).</summary>
    public sealed class ReviewQueueStateValidator : AbstractValidator<ReviewQueueState>
    {
        public ReviewQueueStateValidator()
        {
            RuleFor(q => q.DaysLeft).GreaterThanOrEqualTo(0).When(q => q.DaysLeft is not null)
                .WithMessage("Enter the number of working days as 0 or more");
        }
    }

    /// <summary>The header's aria-sort: "ascending" or "descending" on the sorted column, "none" on the others.</summary>
    public string AriaSort(string column) => Queue.SortColumn != column ? "none" : Queue.Descending ? "descending" : "ascending";
}
