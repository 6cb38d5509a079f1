using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Infrastructure.Auditing;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Account;

public sealed class SignInModel(
    SignInManager<PortalUser> signInManager,
    UserManager<PortalUser> userManager,
    IValidator<SignInModel.SignInInput> validator,
    IConfiguration configuration,
    IPasswordHasher<PortalUser> passwordHasher,
    AccountAudit audit,
    SignInAccountLimiter accountLimiter,
    ILogger<SignInModel> logger) : PageModel
{
    /// <summary>
    /// The one message for every failed sign-in, whether the account exists, is disabled, is locked or the password is wrong,
    /// so the page never tells an outsider which email addresses have accounts.
    /// </summary>
    public const string WrongDetailsMessage = "Enter a correct email address and password. After 5 failed attempts an account is locked for 15 minutes: ask an administrator if you cannot sign in";

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool SingleSignOnEnabled => SingleSignOn.IsConfigured(configuration);

    /// <param name="refusal">Why single sign-on sent the person back (<see cref="SingleSignOn.RefusalQueryKey"/>), if it did.</param>
    public IActionResult OnGet([FromQuery(Name = SingleSignOn.RefusalQueryKey)] string? refusal = null)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl());
        }

        if (SingleSignOnAccounts.Message(refusal) is { } message)
        {
            ModelState.AddModelError(string.Empty, message);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            return Page();
        }

        var email = Input.Email.Trim();
        if (!accountLimiter.TryAttempt(email))
        {
            logger.LogWarning("Sign-in for {Email} refused: too many attempts for this account in a minute", email);
            await audit.RecordAsync(AccountAudit.SignInFailed, null, email);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var user = await userManager.FindByEmailAsync(email);
        if (user is null || user.IsDisabled || await userManager.IsLockedOutAsync(user))
        {
            // Verify the password against a stand-in hash so this answer takes as long as a real check.
            passwordHasher.VerifyHashedPassword(StandIn, StandInHash, Input.Password);
            logger.LogWarning("Failed sign-in for {Email}: {Reason}", email, user is null ? "no such account" : user.IsDisabled ? "disabled" : "locked out");
            await audit.RecordAsync(user is not null && !user.IsDisabled ? AccountAudit.LockedOut : AccountAudit.SignInFailed, user?.Id, email);
            return Refused();
        }

        var result = await signInManager.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("{Email} signed in", user.Email);
            await audit.RecordAsync(AccountAudit.SignedIn, user.Id, user.Email ?? email);
            return LocalRedirect(user.MustChangePassword ? "/account/change-password" : SafeReturnUrl());
        }

        logger.LogWarning("Failed sign-in for {Email}{Locked}", user.Email, result.IsLockedOut ? " (now locked out)" : string.Empty);
        await audit.RecordAsync(AccountAudit.SignInFailed, user.Id, user.Email ?? email);
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AccountAudit.LockedOut, user.Id, user.Email ?? email);
        }

        return Refused();
    }

    private static readonly PortalUser StandIn = new() { DisplayName = "stand-in" };

    private static string? _standInHash;

    /// <summary>A hash of a random password made once with the portal's own hasher (same algorithm and iteration count).</summary>
    private string StandInHash => _standInHash ??= passwordHasher.HashPassword(StandIn, Guid.NewGuid().ToString("N"));

    private PageResult Refused()
    {
        ModelState.AddModelError("Input.Email", WrongDetailsMessage);
        return Page();
    }

    public IActionResult OnPostSingleSignOn()
    {
        if (!SingleSignOnEnabled)
        {
            return NotFound();
        }

        return Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, SingleSignOn.Scheme);
    }

    private string SafeReturnUrl() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public sealed class SignInInput
    {
        public string Email { get; set; } = string.Empty;

        public string Password { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<SignInInput>
    {
        public Validator()
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter your email address")
                .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.nhs.uk");
            RuleFor(x => x.Password).NotEmpty().WithMessage("Enter your password");
        }
    }
}
