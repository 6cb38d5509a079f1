using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Files;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Claims;

/// <summary>A PCN manager uploads a month's claim lines as CSV. All or nothing: any problem refuses the whole file.</summary>
[Authorize(Policy = PortalPolicies.PcnUser)]
public sealed class UploadModel(ArrsClaimSubmissionService submissions, ICurrentUser currentUser, PcnScope scope, IValidator<UploadModel.UploadForm> validator) : PageModel
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>Bound without a prefix: the file field is "Upload".</summary>
    [BindProperty(Name = "")]
    public UploadForm Input { get; set; } = new();

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation, prefix: "");
        }

        using var buffer = new MemoryStream();
        await Input.Upload!.CopyToAsync(buffer, cancellationToken);
        if (!ArrsClaimCsv.TryDecode(buffer.ToArray(), out var text, out var encodingProblem))
        {
            return this.PageWithError("Upload", encodingProblem);
        }

        {
            var result = await submissions.SubmitCsvAsync(text, scope.OwnPcnCode, currentUser.Name, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Success"] = $"{result.Lines} claim lines were submitted. The contracts team will decide within 5 working days.";
                return Redirect("/claims");
            }

            Problems = result.Problems;
            return this.PageWithError("Upload", $"The file was refused and nothing was saved: {result.Problems.Count} {(result.Problems.Count == 1 ? "problem" : "problems")} listed below. Correct the file and upload it again.");
        }
    }

    public sealed class UploadForm
    {
        public IFormFile? Upload { get; set; }
    }

    public sealed class UploadFormValidator : AbstractValidator<UploadForm>
    {
        public UploadFormValidator()
        {
            RuleFor(f => f.Upload).Custom((upload, context) =>
            {
                if (upload is null || upload.Length == 0)
                {
                    context.AddFailure("Select a CSV file of claim lines.");
                }
                else if (upload.Length > MaxBytes)
                {
                    context.AddFailure("The file must be smaller than 5 MB.");
                }
                else if (!string.Equals(Path.GetExtension(upload.FileName), ".csv", StringComparison.OrdinalIgnoreCase))
                {
                    context.AddFailure($"'{Path.GetFileName(upload.FileName)}' is not a CSV file: upload the claim lines saved as .csv (CSV UTF-8).");
                }
            });
        }
    }
}
