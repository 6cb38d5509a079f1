using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using PcnPortal.Web.Features.Papers;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Papers;

/// <summary>Export PDF: the current draft from live data, or a finalised version's stored bytes (?version=N).</summary>
[Authorize(Policy = PortalPolicies.Papers)]
public sealed class PdfModel(PortalDbContext db, PaperDocumentBuilder builder, PaperService papers, ICurrentUser currentUser) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int? version)
    {
        var paper = await builder.LoadPaperAsync(id, HttpContext.RequestAborted);
        if (paper is null || !PaperAccess.CanSee(currentUser, paper))
        {
            return NotFound();
        }

        byte[] bytes;
        if (version is { } v)
        {
            var stored = await db.FinalisedPaperVersions.AsNoTracking().Where(x => x.PaperId == id && x.VersionNumber == v).Select(x => x.Pdf).FirstOrDefaultAsync();
            if (stored is null)
            {
                return NotFound();
            }

            bytes = stored;
        }
        else
        {
            bytes = await papers.PdfAsync(paper, HttpContext.RequestAborted);
        }

        var name = PaperDocumentBuilder.FileName(paper, version);
        Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("inline") { FileNameStar = name, FileName = name }.ToString();
        Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return File(bytes, "application/pdf");
    }
}
