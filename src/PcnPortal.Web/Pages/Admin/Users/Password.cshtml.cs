using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Infrastructure.Auditing;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Admin.Users;

/// <summary>
/// An administrator sets a temporary password for someone who forgot theirs: the same password rules apply, the account is
/// unlocked, every session the person had ends, and they must choose their own password at their next sign-in.
/// </summary>
[Authorize(Policy = PortalPolicies.Administration)]
public sealed class PasswordModel(PortalDbContext db, UserManager<PortalUser> users, ICurrentUser currentUser, AccountAudit audit) : PageModel
{
    [BindProperty]
    public string? NewPassword { get; set; }

    public string Email { get; private set; } = string.Empty;

    public string DisplayName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        (Email, DisplayName) = (user.Email ?? string.Empty, user.DisplayName);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        (Email, DisplayName) = (user.Email ?? string.Empty, user.DisplayName);
        if (string.IsNullOrEmpty(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), "Enter the temporary password to give the person");
            return this.PageWithErrors();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();

        // Reset validates the password like any other (length, common passwords) and changes the security stamp.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, NewPassword);
        if (result.Succeeded)
        {
            user.MustChangePassword = true;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            result = await users.UpdateAsync(user);
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(NewPassword), error.Description);
            }

            return this.PageWithErrors();
        }

        await audit.RecordAsync(AccountAudit.PasswordReset, user.Id, user.Email ?? user.Id, currentUser.Name, currentUser.UserId);
        await transaction.CommitAsync();
        TempData["Success"] = $"{user.DisplayName}'s password is set. Give it to them securely: they must change it when they next sign in.";
        return Redirect("/admin/users");
    }
}
