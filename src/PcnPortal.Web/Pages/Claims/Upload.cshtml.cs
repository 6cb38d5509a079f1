using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Files;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Claims;

/// <summary>A PCN manager uploads a month's claim lines as CSV. All or nothing: any problem refuses the whole file.</summary>
[Authorize(Policy = PortalPolicies.PcnUser)]
public sealed class UploadModel(ArrsClaimSubmissionService submissions, ArrsReferenceService reference, ICurrentUser currentUser, PcnScope scope, TimeProvider clock, IValidator<UploadModel.UploadForm> validator) : PageModel
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>Bound without a prefix: the file field is "Upload".</summary>
    [BindProperty(Name = "")]
    public UploadForm Input { get; set; } = new();

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    /// <summary>The role names and codes the role column takes, for the guidance on the page.</summary>
    public List<(string Code, string Name)> Roles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadRolesAsync(cancellationToken);

    /// <summary>
    /// The template: the header in the contract's column order and one example row (the user's own PCN, last month, a
    /// clinical pharmacist with an ESR-style reference), which the portal would take as it is.
    /// </summary>
    public IActionResult OnGetTemplate()
    {
        var today = clock.Today();
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var example = ArrsClaimCsv.TemplateRow(scope.OwnPcnCode ?? "U12345", month);
        var csv = new StringBuilder().AppendRow(ArrsClaimCsv.Columns).AppendRow(example).ToString();
        return File(new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv", "arrs-claim-lines-template.csv");
    }

    private async Task LoadRolesAsync(CancellationToken cancellationToken)
    {
        var data = await reference.LoadAsync(cancellationToken);
        Roles = [.. data.Roles.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => (r.Code, r.Name))];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadRolesAsync(cancellationToken);
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
