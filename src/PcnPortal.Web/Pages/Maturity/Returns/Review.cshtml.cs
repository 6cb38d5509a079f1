using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Maturity;
using PcnPortal.Web.Features.Maturity;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Maturity.Returns;

[Authorize(Policy = PortalPolicies.Commissioner)]
public sealed class ReviewModel(MaturityReturnService returns) : PageModel
{
    public const int AttendeesLimit = 1000;
    public const int SummaryLimit = 4000;

    [BindProperty]
    public ReviewForm Input { get; set; } = new();

    public MaturityReturn Return { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, false, cancellationToken);
        if (loaded is not null)
        {
            return loaded;
        }

        var r = Return;
        Input = new ReviewForm
        {
            Day = r.ReviewMeetingDate?.Day,
            Month = r.ReviewMeetingDate?.Month,
            Year = r.ReviewMeetingDate?.Year,
            Attendees = r.ReviewAttendees,
            Summary = r.ReviewSummary,
            Actions = r.ReviewActions,
            Version = r.Version,
            Agreed = MaturityDomains.All.ToDictionary(d => d.Code(), d => r.AnswerFor(d)?.AgreedPosition?.Code()),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, true, cancellationToken);
        if (loaded is not null)
        {
            return loaded;
        }

        DateOnly date = default;
        if (Input.Day is not { } d || Input.Month is not { } m || Input.Year is not { } y
            || !DateOnly.TryParseExact($"{y:0000}-{m:00}-{d:00}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            ModelState.AddModelError("Input.Day", "Enter the date of the review meeting, for example 14 10 2022");
        }
        else if (date > returns.Today)
        {
            ModelState.AddModelError("Input.Day", "The review meeting date must be today or in the past");
        }

        if (string.IsNullOrWhiteSpace(Input.Attendees))
        {
            ModelState.AddModelError("Input.Attendees", "Enter who attended the review meeting");
        }

        if (string.IsNullOrWhiteSpace(Input.Summary))
        {
            ModelState.AddModelError("Input.Summary", "Enter a written summary of the review");
        }

        foreach (var (field, name, text, limit) in new[] { ("Attendees", "Attendees", Input.Attendees, AttendeesLimit), ("Summary", "Summary", Input.Summary, SummaryLimit), ("Actions", "Actions", Input.Actions, SummaryLimit) })
        {
            var outcome = MaturityReturnValidation.CheckLength(name, text, limit);
            if (outcome.Severity != Domain.Common.RuleSeverity.Pass)
            {
                ModelState.AddModelError($"Input.{field}", outcome.Explanation);
            }
        }

        foreach (var (code, value) in Input.Agreed)
        {
            if (!string.IsNullOrWhiteSpace(value) && !MaturityPositions.TryParseCode(value, out _))
            {
                ModelState.AddModelError($"Input.Agreed[{code}]", "Select an agreed position from the list");
            }
        }

        if (ModelState.ErrorCount == 0)
        {
            var result = await returns.ReviewAsync(Return, new ReviewInput
            {
                MeetingDate = date,
                Attendees = Input.Attendees,
                Summary = Input.Summary,
                Actions = Input.Actions,
                Agreed = Input.Agreed,
                Version = Input.Version,
            }, cancellationToken);
            if (result.Saved)
            {
                TempData["Success"] = $"The review of {Return.Pcn!.Name}'s {Return.Round!.Year} return is recorded. The PCN can now see the summary.";
                return Redirect($"/maturity/rounds/{Return.RoundId}");
            }

            if (result.Conflict)
            {
                ModelState.AddModelError(string.Empty, $"{result.ChangedBy ?? "Someone else"} changed this return while you were editing. Reload the page to see the latest and record the review again.");
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }

            foreach (var (key, message) in result.Errors)
            {
                ModelState.AddModelError(key, message);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, bool tracking, CancellationToken cancellationToken)
    {
        var ret = await returns.FindAsync(id, tracking, cancellationToken);
        if (ret is null)
        {
            return NotFound();
        }

        if (!ret.IsReceived)
        {
            TempData["Success"] = null;
            return Redirect($"/maturity/returns/{id}");
        }

        Return = ret;
        return null;
    }

    public sealed class ReviewForm
    {
        public int? Day { get; set; }

        public int? Month { get; set; }

        public int? Year { get; set; }

        public string? Attendees { get; set; }

        public string? Summary { get; set; }

        public string? Actions { get; set; }

        public Dictionary<string, string?> Agreed { get; set; } = [];

        public int Version { get; set; }
    }
}
