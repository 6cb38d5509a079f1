using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Notifications;
using PcnPortal.Web.Features.Notifications;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Account;

/// <summary>Anyone signed in chooses, per kind, how they get notification emails: immediately, in a daily digest, or off.</summary>
public sealed class NotificationsModel(
    UserManager<PortalUser> userManager, NotificationPreferenceService preferences, EmailOptions options, IValidator<NotificationsModel.PreferencesForm> validator) : PageModel
{
    public const string ReminderOffMessage = "Deadline reminders cannot be turned off: choose immediately or a daily digest";

    [BindProperty]
    public PreferencesForm Input { get; set; } = new();

    public List<PreferenceRow> Rows { get; private set; } = [];

    public EmailTransportKind Transport => options.EffectiveTransport;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = userManager.GetUserId(User);
        if (userId is null)
        {
            return Challenge();
        }

        Rows = await preferences.ForUserAsync(userId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = userManager.GetUserId(User);
        if (userId is null)
        {
            return Challenge();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            Rows = Shown(await preferences.ForUserAsync(userId, cancellationToken));
            return this.PageWithErrors(validation);
        }

        var choices = Input.Choices.ToDictionary(c => Enum.Parse<NotificationKind>(c.Key), c => Enum.Parse<NotificationDelivery>(c.Value!));
        var refused = await preferences.SaveAsync(userId, choices, cancellationToken);
        if (refused.Count > 0)
        {
            Rows = Shown(await preferences.ForUserAsync(userId, cancellationToken));
            foreach (var kind in refused)
            {
                ModelState.AddModelError($"Input.Choices[{kind}]", ReminderOffMessage);
            }

            return this.PageWithErrors();
        }

        TempData["Success"] = "Your email choices are saved.";
        return Redirect("/account/notifications");
    }

    /// <summary>The rows with what the person just posted, so a refused form shows their choices.</summary>
    private List<PreferenceRow> Shown(List<PreferenceRow> saved) =>
        [.. saved.Select(r => Input.Choices.TryGetValue(r.Kind.ToString(), out var v) && Enum.TryParse<NotificationDelivery>(v, out var d) && Enum.IsDefined(d) ? r with { Delivery = d } : r)];

    public sealed class PreferencesForm
    {
        /// <summary>Kind name to Immediately, DailyDigest or Off.</summary>
        public Dictionary<string, string?> Choices { get; set; } = new(StringComparer.Ordinal);
    }

    public sealed class PreferencesValidator : AbstractValidator<PreferencesForm>
    {
        public PreferencesValidator()
        {
            RuleFor(x => x.Choices).Must(c => c.Count > 0).WithMessage("Choose how you want each kind of email");
            RuleForEach(x => x.Choices).Custom((choice, context) =>
            {
                var key = $"Choices[{choice.Key}]";
                if (!Enum.TryParse<NotificationKind>(choice.Key, out var kind) || !NotificationKinds.Choosable.Contains(kind) || !Enum.IsDefined(kind)
                    || int.TryParse(choice.Key, out _))
                {
                    context.AddFailure(key, $"'{Trim(choice.Key)}' is not a kind of email the portal sends");
                    return;
                }

                if (!Enum.TryParse<NotificationDelivery>(choice.Value, out var delivery) || !Enum.IsDefined(delivery) || int.TryParse(choice.Value, out _))
                {
                    context.AddFailure(key, $"Choose immediately, daily digest or off for \"{NotificationKinds.Describe(kind)}\"");
                    return;
                }

                if (delivery == NotificationDelivery.Off && !NotificationKinds.CanTurnOff(kind))
                {
                    context.AddFailure(key, ReminderOffMessage);
                }
            });
        }

        private static string Trim(string text) => text.Length <= 40 ? text : text[..40];
    }
}
