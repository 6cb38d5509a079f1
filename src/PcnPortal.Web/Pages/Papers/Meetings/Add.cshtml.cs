using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Papers.Meetings;

[Authorize(Policy = PortalPolicies.PapersEdit)]
public sealed class AddModel(PortalDbContext db, IValidator<MeetingForm> validator) : PageModel
{
    [BindProperty]
    public MeetingForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await validator.ValidateAsync(Input);
        if (!result.IsValid)
        {
            return this.PageWithErrors(result);
        }

        var meeting = new CommitteeMeeting
        {
            CommitteeName = Input.CommitteeName!.Trim(),
            Date = Input.Date.Date!.Value,
            Time = string.IsNullOrWhiteSpace(Input.Time) ? null : Input.Time.Trim(),
            Location = string.IsNullOrWhiteSpace(Input.Location) ? null : Input.Location.Trim(),
        };
        db.CommitteeMeetings.Add(meeting);
        await db.SaveChangesAsync();
        TempData["Success"] = $"Meeting added: {meeting.CommitteeName}, {MeetingForm.Format(meeting.Date)}.";
        return Redirect($"/papers#meeting-{meeting.Id}");
    }
}
