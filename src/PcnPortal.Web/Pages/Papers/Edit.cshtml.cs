using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Papers;

[Authorize(Policy = PortalPolicies.PapersEdit)]
public sealed class EditModel(PortalDbContext db, IValidator<PaperForm> validator) : PageModel
{
    [BindProperty]
    public PaperForm Input { get; set; } = new();

    public CommitteePaper? Paper { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        Paper = await db.CommitteePapers.Include(p => p.Meeting).FirstOrDefaultAsync(p => p.Id == id);
        if (Paper is null)
        {
            return NotFound();
        }

        Input = PaperForm.From(Paper);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        Paper = await db.CommitteePapers.Include(p => p.Meeting).FirstOrDefaultAsync(p => p.Id == id);
        if (Paper is null)
        {
            return NotFound();
        }

        var result = await validator.ValidateAsync(Input);
        if (!result.IsValid)
        {
            return this.PageWithErrors(result);
        }

        db.Entry(Paper).Property(p => p.Version).OriginalValue = Input.Version;
        Paper.BeginEdit();
        Input.ApplyTo(Paper);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            Paper = await db.CommitteePapers.Include(p => p.Meeting).AsNoTracking().FirstAsync(p => p.Id == id);
            ModelState.Clear();
            ModelState.AddModelError("Input.Title", "This paper was changed by someone else while you were editing. The latest version is shown: make your changes again.");
            Input = PaperForm.From(Paper);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        TempData["Success"] = $"Cover sheet saved. The paper is now draft version {Paper.PaperVersion}.";
        return Redirect($"/papers/{Paper.Id}");
    }
}
