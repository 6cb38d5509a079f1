using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure.Files;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Pcns.Import;

/// <summary>Commissioners upload ePCN.xlsx or a list-size CSV; the page shows the summary or every problem.</summary>
[Authorize(Policy = PortalPolicies.Contracts)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class IndexModel(EpcnImporter epcnImporter, ListSizeImporter listSizeImporter) : PageModel
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    private const long MaxRequestBytes = 32 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

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
        var extension = Path.GetExtension(Upload?.FileName ?? string.Empty).ToLowerInvariant();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Select the ePCN.xlsx workbook or a list size CSV file to upload.");
        }
        else if (Upload.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"The file is {Upload.Length / 1024.0 / 1024.0:0.0} MB: upload a file of 20 MB or less.");
        }
        else if (extension is not ".xlsx" and not ".csv")
        {
            ModelState.AddModelError(nameof(Upload), $"'{Upload.FileName}' is not a file the portal can import: upload ePCN.xlsx (an Excel workbook) or a list size .csv file.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        FileName = Path.GetFileName(Upload!.FileName);
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, cancellationToken);
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
            ModelState.AddModelError(nameof(Upload), $"{FileName} was not imported: fix the {Problems.Count(p => p.IsError)} problem(s) listed below and upload it again. Nothing was saved.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
