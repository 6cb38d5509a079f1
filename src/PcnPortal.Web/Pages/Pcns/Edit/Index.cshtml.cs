using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Pcns.Edit;

/// <summary>Edit or close a PCN. Concurrent edits: the second to save is told and sees the latest values.</summary>
[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public PcnForm Input { get; set; } = new();

    public string Code { get; private set; } = string.Empty;

    public List<(int Id, string Name)> Localities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var pcn = await db.Pcns.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (pcn is null)
        {
            return NotFound();
        }

        Code = pcn.Code;
        Input = PcnForm.From(pcn);
        Localities = await New.IndexModel.LoadLocalitiesAsync(db, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var pcn = await db.Pcns.SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (pcn is null)
        {
            return NotFound();
        }

        Code = pcn.Code;
        Input.Code = pcn.Code;
        Input.Trim();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var members = await db.PcnMemberships.Where(m => m.PcnId == pcn.Id && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today)).Select(m => m.Practice!.Code).ToListAsync(cancellationToken);
        await Input.ValidateAsync(ModelState, db, pcn.Id, members, cancellationToken);
        if (ModelState.IsValid)
        {
            db.Entry(pcn).Property(p => p.Version).OriginalValue = Input.Version;
            Input.ApplyTo(pcn);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = pcn.CloseDate is { } closed && Input.CloseDate is not null ? $"{pcn.Name} is saved, closing on {closed:d MMMM yyyy}." : $"{pcn.Name} is saved.";
                return Redirect($"/pcns/{pcn.Code}");
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var latest = await db.Pcns.AsNoTracking().SingleAsync(p => p.Id == pcn.Id, cancellationToken);
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, "This PCN was changed by someone else while you were editing it. The form now shows the latest details: make your changes again.");
                Input = PcnForm.From(latest);
            }
        }

        Localities = await New.IndexModel.LoadLocalitiesAsync(db, cancellationToken);
        Response.StatusCode = ModelState.ContainsKey(string.Empty) ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }
}
