using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Infrastructure.Auditing;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Account;

public sealed class SignOutModel(SignInManager<PortalUser> signInManager, UserManager<PortalUser> userManager, AccountAudit audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp ends this session (and any copy of its cookie) on the server, not only in this browser.
        var user = await userManager.GetUserAsync(User);
        if (user is not null)
        {
            await userManager.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(AccountAudit.SignedOut, user.Id, user.Email ?? user.UserName ?? user.Id);
        }

        await signInManager.SignOutAsync();
        return Redirect("/account/sign-in");
    }
}
