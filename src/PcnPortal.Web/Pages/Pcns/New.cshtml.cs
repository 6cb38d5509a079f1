using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure.Configuration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Pcns;

[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class NewModel(PortalDbContext db, PortalOptions portal, IValidator<PcnForm> validator) : PageModel
{
    [BindProperty]
    public PcnForm Input { get; set; } = new();

    public List<(int Id, string Name)> Localities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.CcgCode = portal.CcgCodes[0];
        Input.CcgName = await db.Pcns.Where(p => p.CcgCode == Input.CcgCode && p.CcgName != null).Select(p => p.CcgName).FirstOrDefaultAsync(cancellationToken);
        Localities = await LoadLocalitiesAsync(db, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Trim();
        Input.IsNew = true;
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            Localities = await LoadLocalitiesAsync(db, cancellationToken);
            return this.PageWithErrors(validation);
        }

        if (await db.Pcns.AnyAsync(p => p.Code == Input.Code, cancellationToken))
        {
            Localities = await LoadLocalitiesAsync(db, cancellationToken);
            return this.PageWithError("Input.Code", $"A PCN with code {Input.Code} is already registered: open it from the register instead.");
        }

        var pcn = new Pcn { Code = Input.Code, Name = Input.Name, CcgCode = Input.CcgCode };
        Input.ApplyTo(pcn);
        db.Pcns.Add(pcn);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{pcn.Name} ({pcn.Code}) is registered. Add its member practices next.";
        return Redirect($"/pcns/{pcn.Code}");
    }

    internal static async Task<List<(int Id, string Name)>> LoadLocalitiesAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        (await db.Localities.AsNoTracking().OrderBy(l => l.Name).Select(l => new { l.Id, l.Name }).ToListAsync(cancellationToken)).Select(l => (l.Id, l.Name)).ToList();
}
