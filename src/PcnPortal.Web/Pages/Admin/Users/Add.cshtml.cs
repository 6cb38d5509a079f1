using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Admin.Users;

[Authorize(Policy = PortalPolicies.Administration)]
public sealed class AddModel(PortalDbContext db, UserManager<PortalUser> users, IValidator<AddUserForm> validator) : PageModel
{
    [BindProperty]
    public AddUserForm Input { get; set; } = new();

    public List<PcnOption> Pcns { get; private set; } = [];

    public async Task OnGetAsync() => Pcns = await LoadPcnsAsync(db);

    public async Task<IActionResult> OnPostAsync()
    {
        Input.Email = Input.Email.Trim();
        var validation = await validator.ValidateAsync(Input);
        if (validation.IsValid)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var user = new PortalUser
            {
                UserName = Input.Email,
                Email = Input.Email,
                EmailConfirmed = true,
                DisplayName = Input.DisplayName.Trim(),
                PcnCode = PortalRoles.IsPcnScoped(Input.Role) ? Input.PcnCode : null,

                // The administrator chose this password: the person replaces it with their own at first sign-in.
                MustChangePassword = true,
            };
            var created = await users.CreateAsync(user, Input.Password);
            if (created.Succeeded)
            {
                var roleAdded = await users.AddToRoleAsync(user, Input.Role);
                if (roleAdded.Succeeded)
                {
                    await transaction.CommitAsync();
                    TempData["Success"] = $"{user.DisplayName} can now sign in as {PortalRoles.Describe(Input.Role)}; they must choose their own password when they first sign in.";
                    return Redirect("/admin/users");
                }

                created = roleAdded;
            }

            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", error.Description);
            }
        }
        else
        {
            ModelState.AddErrors(validation);
        }

        Pcns = await LoadPcnsAsync(db);
        return this.PageWithErrors();
    }

    internal static Task<List<PcnOption>> LoadPcnsAsync(PortalDbContext db) =>
        db.Pcns.AsNoTracking().OrderBy(p => p.Name).Select(p => new PcnOption(p.Code, p.Name)).ToListAsync();
}
