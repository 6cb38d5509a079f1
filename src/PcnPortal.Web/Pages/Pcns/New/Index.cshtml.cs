using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure.Configuration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Pcns.New;

[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class IndexModel(PortalDbContext db, PortalOptions portal) : PageModel
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
        await Input.ValidateAsync(ModelState, db, null, null, cancellationToken);
        if (!ModelState.IsValid)
        {
            Localities = await LoadLocalitiesAsync(db, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
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
