using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Account;

public sealed class SignInModel(
    SignInManager<PortalUser> signInManager,
    UserManager<PortalUser> userManager,
    IValidator<SignInModel.SignInInput> validator,
    IConfiguration configuration,
    ILogger<SignInModel> logger) : PageModel
{
    public const string WrongDetailsMessage = "Enter a correct email address and password";

    public const string LockedOutMessage = "Your account is locked after too many failed attempts. Try again in 15 minutes or ask an administrator to unlock it";

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool SingleSignOnEnabled => SingleSignOn.IsConfigured(configuration);

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl()) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            return Page();
        }

        var user = await userManager.FindByEmailAsync(Input.Email.Trim());
        if (user is null || user.IsDisabled)
        {
            logger.LogWarning("Failed sign-in for unknown or disabled account {Email}", Input.Email);
            ModelState.AddModelError("Input.Email", WrongDetailsMessage);
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("{Email} signed in", user.Email);
            return LocalRedirect(SafeReturnUrl());
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Account {Email} is locked out", user.Email);
            ModelState.AddModelError("Input.Email", LockedOutMessage);
            return Page();
        }

        logger.LogWarning("Failed sign-in for {Email}", user.Email);
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
