using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Pcns;

/// <summary>
/// Edit or close a PCN. Closing (entering a close date) ends, in the same save, every membership still running on the close
/// date: its end date becomes the close date (audited with the PCN change). A membership that starts after the close date
/// refuses the close: end or remove it first. Concurrent edits: the second to save is told and sees the latest values.
/// </summary>
[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class EditModel(PortalDbContext db, TimeProvider clock, IValidator<PcnForm> validator) : PageModel
{
    [BindProperty]
    public PcnForm Input { get; set; } = new();

    public string Code { get; private set; } = string.Empty;

    public List<(int Id, string Name)> Localities { get; private set; } = [];

    /// <summary>Member practices whose membership has not ended (today or later): a close date ends these.</summary>
    public List<string> RunningMembers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var pcn = await db.Pcns.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (pcn is null)
        {
            return NotFound();
        }

        Code = pcn.Code;
        Input = PcnForm.From(pcn);
        await LoadAsync(pcn.Id, cancellationToken);
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
        var today = clock.Today();
        var members = await db.PcnMemberships.Where(m => m.PcnId == pcn.Id && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today)).Select(m => m.Practice!.Code).ToListAsync(cancellationToken);
        Input.CurrentMemberCodes = members;
        ModelState.AddErrors(await validator.ValidateAsync(Input, cancellationToken));
        var toEnd = new List<PcnMembership>();
        if (Input.CloseDate.Date is { } closeDate && ModelState.IsValid)
        {
            var running = await db.PcnMemberships.Include(m => m.Practice)
                .Where(m => m.PcnId == pcn.Id && (m.EndDate == null || m.EndDate > closeDate))
                .ToListAsync(cancellationToken);
            var later = running.Where(m => m.StartDate > closeDate).OrderBy(m => m.StartDate).ToList();
            if (later.Count > 0)
            {
                ModelState.AddModelError("Input.CloseDate", $"{string.Join(", ", later.Select(m => $"{m.Practice!.Code} joins on {m.StartDate:d MMMM yyyy}"))}, after the close date. End or remove that membership first, or enter a later close date.");
            }

            toEnd = running.Where(m => m.StartDate <= closeDate).ToList();
        }

        if (ModelState.IsValid)
        {
            db.Entry(pcn).Property(p => p.Version).OriginalValue = Input.Version;
            Input.ApplyTo(pcn);
            foreach (var membership in toEnd)
            {
                membership.EndDate = pcn.CloseDate;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                var ended = toEnd.Count == 0 ? string.Empty : $" {toEnd.Count} membership(s) ended on {pcn.CloseDate:d MMMM yyyy}: {string.Join(", ", toEnd.Select(m => m.Practice!.Code).Order(StringComparer.Ordinal))}.";
                TempData["Success"] = pcn.CloseDate is { } closed && Input.CloseDate.Date is not null ? $"{pcn.Name} is saved, closing on {closed:d MMMM yyyy}.{ended}" : $"{pcn.Name} is saved.";
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

        await LoadAsync(pcn.Id, cancellationToken);
        if (ModelState.ContainsKey(string.Empty))
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return this.PageWithErrors();
    }

    private async Task LoadAsync(int pcnId, CancellationToken cancellationToken)
    {
        Localities = await NewModel.LoadLocalitiesAsync(db, cancellationToken);
        var today = clock.Today();
        RunningMembers = await db.PcnMemberships.AsNoTracking()
            .Where(m => m.PcnId == pcnId && (m.EndDate == null || m.EndDate >= today))
            .OrderBy(m => m.Practice!.Code)
            .Select(m => m.Practice!.Code + " " + m.Practice.Name)
            .ToListAsync(cancellationToken);
    }
}
