using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Files;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Claims.Upload;

/// <summary>A PCN manager uploads a month's claim lines as CSV. All or nothing: any problem refuses the whole file.</summary>
[Authorize(Policy = PortalPolicies.PcnUser)]
public sealed class IndexModel(ArrsClaimSubmissionService submissions, ICurrentUser currentUser, PcnScope scope) : PageModel
{
    public const long MaxBytes = 5 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Select a CSV file of claim lines.");
        }
        else if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "The file must be smaller than 5 MB.");
        }
        else if (!string.Equals(Path.GetExtension(Upload.FileName), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Upload), $"'{Path.GetFileName(Upload.FileName)}' is not a CSV file: upload the claim lines saved as .csv (CSV UTF-8).");
        }

        var text = string.Empty;
        if (ModelState.IsValid)
        {
            using var buffer = new MemoryStream();
            await Upload!.CopyToAsync(buffer, cancellationToken);
            if (!ArrsClaimCsv.TryDecode(buffer.ToArray(), out text, out var encodingProblem))
            {
                ModelState.AddModelError(nameof(Upload), encodingProblem);
            }
        }

        if (ModelState.IsValid)
        {
            var result = await submissions.SubmitCsvAsync(text, scope.OwnPcnCode, currentUser.Name, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Success"] = $"{result.Lines} claim lines were submitted. The contracts team will decide within 5 working days.";
                return Redirect("/claims");
            }

            Problems = result.Problems;
            ModelState.AddModelError(nameof(Upload), $"The file was refused and nothing was saved: {result.Problems.Count} {(result.Problems.Count == 1 ? "problem" : "problems")} listed below. Correct the file and upload it again.");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
