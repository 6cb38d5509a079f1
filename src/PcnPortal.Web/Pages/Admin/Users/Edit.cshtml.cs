using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Admin.Users;

[Authorize(Policy = PortalPolicies.Administration)]
public sealed class EditModel(PortalDbContext db, UserManager<PortalUser> users, IValidator<ChangeUserForm> validator, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ChangeUserForm Input { get; set; } = new();

    public List<PcnOption> Pcns { get; private set; } = [];

    public string Email { get; private set; } = string.Empty;

    public bool LockedOut { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        Input = new ChangeUserForm
        {
            DisplayName = user.DisplayName,
            PcnCode = user.PcnCode,
            IsDisabled = user.IsDisabled,
            Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? string.Empty,
        };
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            await LoadAsync(user);
            return this.PageWithErrors();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        user.DisplayName = Input.DisplayName.Trim();
        user.PcnCode = PortalRoles.IsPcnScoped(Input.Role) ? Input.PcnCode : null;
        var wasDisabled = user.IsDisabled;
        user.IsDisabled = Input.IsDisabled;
        if (Input.Unlock)
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
        }

        var result = await users.UpdateAsync(user);
        var currentRoles = await users.GetRolesAsync(user);
        if (result.Succeeded && !currentRoles.SequenceEqual([Input.Role]))
        {
            result = await users.RemoveFromRolesAsync(user, currentRoles);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, Input.Role);
            }
        }

        if (result.Succeeded && wasDisabled != Input.IsDisabled)
        {
            // Signs the person out everywhere at the next security stamp check.
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.DisplayName", error.Description);
            }

            await LoadAsync(user);
            return this.PageWithErrors();
        }

        await transaction.CommitAsync();
        TempData["Success"] = $"Changes to {user.DisplayName} saved.";
        return Redirect("/admin/users");
    }

    private async Task LoadAsync(PortalUser user)
    {
        Email = user.Email ?? string.Empty;
        LockedOut = user.LockoutEnd > clock.GetUtcNow();
        Pcns = await AddModel.LoadPcnsAsync(db);
    }
}
