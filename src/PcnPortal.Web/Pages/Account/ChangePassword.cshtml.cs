using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Infrastructure.Auditing;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web;

using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Account;

/// <summary>Anyone signed in changes their own password (and must, after an administrator set it). Other sessions end.</summary>
public sealed class ChangePasswordModel(
    UserManager<PortalUser> userManager,
    SignInManager<PortalUser> signInManager,
    IValidator<ChangePasswordModel.ChangePasswordInput> validator,
    AccountAudit audit) : PageModel
{
    public const string WrongCurrentMessage = "Your current password is not correct";

    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public bool Required { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Required = user.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Required = user.MustChangePassword;
        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation);
        }

        if (Input.NewPassword == Input.CurrentPassword)
        {
            return this.PageWithError("Input.NewPassword", "Your new password must be different from your current password");
        }

        // Checks the current password and the new one against every password rule (length, common passwords); changes the security stamp.
        var result = await userManager.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var key = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword";
                ModelState.AddModelError(key, error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? WrongCurrentMessage : error.Description);
            }

            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await audit.RecordAsync(AccountAudit.SignInFailed, user.Id, user.Email ?? user.Id);
            }

            return this.PageWithErrors();
        }

        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await userManager.UpdateAsync(user);
        }

        await audit.RecordAsync(AccountAudit.PasswordChanged, user.Id, user.Email ?? user.Id);

        // The new security stamp ends every other session; this one gets a fresh cookie.
        await signInManager.RefreshSignInAsync(user);
        TempData["Success"] = "Your password is changed. Any other session you had open is signed out.";
        return Redirect("/");
    }

    public sealed class ChangePasswordInput
    {
        public string CurrentPassword { get; set; } = string.Empty;

        public string NewPassword { get; set; } = string.Empty;

        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<ChangePasswordInput>
    {
        public Validator()
        {
            RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Enter your current password");
            RuleFor(x => x.NewPassword).NotEmpty().WithMessage("Enter a new password")
                .MinimumLength(10).WithMessage("Your new password must be at least 10 characters")
                .MaximumLength(128).WithMessage("Your new password must be 128 characters or fewer");
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("The passwords do not match: type your new password again");
        }
    }
}
