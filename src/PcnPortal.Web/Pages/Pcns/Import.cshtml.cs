using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure.Files;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Pcns;

/// <summary>Commissioners upload ePCN.xlsx or a list-size CSV; the page shows the summary or every problem.</summary>
[Authorize(Policy = PortalPolicies.Contracts)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class ImportModel(EpcnImporter epcnImporter, ListSizeImporter listSizeImporter, IValidator<ImportModel.UploadForm> validator) : PageModel
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    private const long MaxRequestBytes = 32 * 1024 * 1024;

    /// <summary>Bound without a prefix: the file field is "Upload".</summary>
    [BindProperty(Name = "")]
    public UploadForm Input { get; set; } = new();

    public string? FileName { get; private set; }

    public EpcnImportSummary? Epcn { get; private set; }

    public ListSizeImportSummary? ListSizes { get; private set; }

    public IReadOnlyList<ImportProblem> Problems => (IReadOnlyList<ImportProblem>?)Epcn?.Problems ?? ListSizes?.Problems ?? [];

    public bool Rejected => Epcn?.IsRejected == true || ListSizes?.IsRejected == true;

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

        var upload = Input.Upload!;
        var extension = UploadForm.Extension(upload);
        FileName = Path.GetFileName(upload.FileName);
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        if (extension == ".xlsx")
        {
            Epcn = await epcnImporter.ImportAsync(EpcnWorkbookParser.Parse(buffer), cancellationToken);
        }
        else
        {
            ListSizes = await listSizeImporter.ImportAsync(ListSizeCsvParser.Parse(buffer.ToArray()), cancellationToken);
        }

        if (Rejected)
        {
            return this.PageWithError("Upload", $"{FileName} was not imported: fix the {Problems.Count(p => p.IsError)} problem(s) listed below and upload it again. Nothing was saved.");
        }

        return Page();
    }

    public sealed class UploadForm
    {
        public IFormFile? Upload { get; set; }

        internal static string Extension(IFormFile file) => Path.GetExtension(file.FileName).ToLowerInvariant();
    }

    public sealed class UploadFormValidator : AbstractValidator<UploadForm>
    {
        public UploadFormValidator()
        {
            RuleFor(f => f.Upload).Custom((upload, context) =>
            {
                if (upload is null || upload.Length == 0)
                {
                    context.AddFailure("Select the ePCN.xlsx workbook or a list size CSV file to upload.");
                }
                else if (upload.Length > MaxFileBytes)
                {
                    context.AddFailure($"The file is {upload.Length / 1024.0 / 1024.0:0.0} MB: upload a file of 20 MB or less.");
                }
                else if (UploadForm.Extension(upload) is not ".xlsx" and not ".csv")
                {
                    context.AddFailure($"'{upload.FileName}' is not a file the portal can import: upload ePCN.xlsx (an Excel workbook) or a list size .csv file.");
                }
            });
        }
    }
}
