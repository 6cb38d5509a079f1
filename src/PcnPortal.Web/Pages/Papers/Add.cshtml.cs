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
public sealed class AddModel(PortalDbContext db, IValidator<PaperForm> validator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int MeetingId { get; set; }

    [BindProperty]
    public PaperForm Input { get; set; } = new() { Purpose = nameof(PaperPurpose.Discussion) };

    public CommitteeMeeting? Meeting { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Meeting = await db.CommitteeMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == MeetingId);
        return Meeting is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Meeting = await db.CommitteeMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == MeetingId);
        if (Meeting is null)
        {
            return NotFound();
        }

        var result = await validator.ValidateAsync(Input);
        if (!result.IsValid)
        {
            return this.PageWithErrors(result);
        }

        var paper = new CommitteePaper { MeetingId = Meeting.Id, AgendaNumber = "", Title = "" };
        Input.ApplyTo(paper);
        db.CommitteePapers.Add(paper);
        await db.SaveChangesAsync();
        TempData["Success"] = $"Paper created: item {paper.AgendaNumber}, {paper.Title}. Add its sections next.";
        return Redirect($"/papers/{paper.Id}");
    }
}
