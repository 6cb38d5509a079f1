using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Notifications;
using PcnPortal.Web.Features.Notifications;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Admin.Notifications;

/// <summary>
/// The outbox for administrators: counts, the newest messages by state (failed first), what the Outbox transport would
/// have sent, and a retry for a failed message (audited).
/// </summary>
[Authorize(Policy = PortalPolicies.Administration)]
public sealed class IndexModel(NotificationAdminService notifications, EmailOptions options, IValidator<IndexModel.RetryForm> validator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty]
    public RetryForm Input { get; set; } = new();

    public NotificationCounts Counts { get; private set; } = new(0, 0, 0, 0);

    public List<NotificationRow> Rows { get; private set; } = [];

    public EmailTransportKind Transport => options.EffectiveTransport;

    public NotificationState? Filter { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            await LoadAsync(cancellationToken);
            return this.PageWithErrors(validation);
        }

        if (!await notifications.RetryAsync(Input.Id, cancellationToken))
        {
            await LoadAsync(cancellationToken);
            return this.PageWithError("Input.Id", $"Notification {Input.Id} is not failed: only a failed notification can be retried");
        }

        TempData["Success"] = $"Notification {Input.Id} will be sent again at the sender's next pass.";
        return Redirect("/admin/notifications?state=Pending");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Filter = Enum.TryParse<NotificationState>(State, ignoreCase: true, out var state) && Enum.IsDefined(state) ? state : null;
        Counts = await notifications.CountsAsync(cancellationToken);
        Rows = await notifications.ListAsync(Filter, cancellationToken);
    }

    public sealed class RetryForm
    {
        public long Id { get; set; }
    }

    public sealed class RetryValidator : AbstractValidator<RetryForm>
    {
        public RetryValidator()
        {
            RuleFor(x => x.Id).GreaterThan(0).WithMessage("Choose a notification to retry");
        }
    }
}
