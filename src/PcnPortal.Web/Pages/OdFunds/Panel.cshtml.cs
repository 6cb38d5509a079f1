using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Features.OdFunds;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.OdFunds;

/// <summary>Administrators choose the fund's panel from portal users with the panel member role, each with a panel role title.</summary>
[Authorize(Policy = PortalPolicies.Administration)]
public sealed class PanelModel(PortalDbContext db, UserManager<PortalUser> users, IValidator<PanelModel.PanelMemberForm> validator) : PageModel
{
    /// <summary>Bound without a prefix: "UserId" and "PanelRole".</summary>
    [BindProperty(Name = "")]
    public PanelMemberForm Input { get; set; } = new();

    public OdFundRecord Fund { get; private set; } = null!;

    public List<OdPanelMember> Members { get; private set; } = [];

    public List<PortalUser> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input.Candidates = [.. Candidates.Select(u => u.Id)];
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation, prefix: "");
        }

        var user = Candidates.First(u => u.Id == Input.UserId);
        db.OdPanelMembers.Add(new OdPanelMember { FundId = id, UserId = user.Id, Name = user.DisplayName, PanelRole = Input.PanelRole! });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{user.DisplayName} is on the panel as {Input.PanelRole!.ToLowerInvariant()}.";
        return Redirect($"/od-funds/{id}/panel");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int memberId, CancellationToken cancellationToken)
    {
        var member = await db.OdPanelMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.FundId == id, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        db.OdPanelMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{member.Name} is no longer on the panel.";
        return Redirect($"/od-funds/{id}/panel");
    }

    private async Task<bool> LoadAsync(int id)
    {
        var fund = await db.OdFunds.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id);
        if (fund is null)
        {
            return false;
        }

        Fund = fund;
        Members = await db.OdPanelMembers.AsNoTracking().Where(m => m.FundId == id).OrderBy(m => m.Name).ToListAsync();
        var onPanel = Members.Select(m => m.UserId).ToHashSet();
        Candidates = [.. (await users.GetUsersInRoleAsync(PortalRoles.PanelMember)).Where(u => !u.IsDisabled && !onPanel.Contains(u.Id)).OrderBy(u => u.DisplayName)];
        return true;
    }

    public sealed class PanelMemberForm
    {
        public string? UserId { get; set; }

        public string? PanelRole { get; set; }

        /// <summary>The people who may be added (panel members not on this panel yet). Set by the page.</summary>
        internal IReadOnlyCollection<string> Candidates { get; set; } = [];
    }

    public sealed class PanelMemberFormValidator : AbstractValidator<PanelMemberForm>
    {
        public PanelMemberFormValidator()
        {
            RuleFor(f => f.UserId).Must((f, id) => id is not null && f.Candidates.Contains(id)).WithMessage("Select a panel member from the list");
            RuleFor(f => f.PanelRole).Must(r => r is not null && OdPanelRoles.All.Contains(r)).WithMessage("Select the person's role on the panel");
        }
    }
}
