using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Maturity;
using PcnPortal.Web.Features.Maturity;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Maturity.Returns;

[Authorize(Policy = PortalPolicies.Commissioner)]
public sealed class ReviewModel(MaturityReturnService returns, IValidator<ReviewModel.ReviewForm> validator) : PageModel
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
            MeetingDate = DateParts.From(r.ReviewMeetingDate),
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

        Input.Today = returns.Today;
        ModelState.AddErrors(await validator.ValidateAsync(Input, cancellationToken));
        if (ModelState.ErrorCount == 0)
        {
            var result = await returns.ReviewAsync(Return, new ReviewInput
            {
                MeetingDate = Input.MeetingDate.Date!.Value,
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

            ModelState.AddErrors(result.Errors);
        }

        return this.PageWithErrors();
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
        public DateParts MeetingDate { get; set; } = new();

        public string? Attendees { get; set; }

        public string? Summary { get; set; }

        public string? Actions { get; set; }

        public Dictionary<string, string?> Agreed { get; set; } = [];

        public int Version { get; set; }

        internal DateOnly Today { get; set; }
    }

    public sealed class ReviewFormValidator : AbstractValidator<ReviewForm>
    {
        public ReviewFormValidator()
        {
            RuleFor(f => f.MeetingDate).ValidDate("the date of the review meeting");
            RuleFor(f => f.MeetingDate).Must((f, d) => d.Date is not { } date || date <= f.Today).WithMessage("The review meeting date must be today or in the past");
            RuleFor(f => f.Attendees).Must(a => !string.IsNullOrWhiteSpace(a)).WithMessage("Enter who attended the review meeting");
            RuleFor(f => f.Summary).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Enter a written summary of the review");
            RuleFor(f => f.Attendees).Custom((text, context) => CheckLength(context, "Attendees", text, AttendeesLimit));
            RuleFor(f => f.Summary).Custom((text, context) => CheckLength(context, "Summary", text, SummaryLimit));
            RuleFor(f => f.Actions).Custom((text, context) => CheckLength(context, "Actions", text, SummaryLimit));
            RuleFor(f => f.Agreed).Custom((agreed, context) =>
            {
                foreach (var (code, value) in agreed)
                {
                    if (!string.IsNullOrWhiteSpace(value) && !MaturityPositions.TryParseCode(value, out _))
                    {
                        context.AddFailure($"Agreed[{code}]", "Select an agreed position from the list");
                    }
                }
            });
        }

        private static void CheckLength(ValidationContext<ReviewForm> context, string name, string? text, int limit)
        {
            var outcome = MaturityReturnValidation.CheckLength(name, text, limit);
            if (outcome.Severity != Domain.Common.RuleSeverity.Pass)
            {
                context.AddFailure(outcome.Explanation);
            }
        }
    }
}
