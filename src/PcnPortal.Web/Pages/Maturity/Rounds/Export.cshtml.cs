using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Web.Features.Maturity;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Maturity.Rounds;

[Authorize(Policy = PortalPolicies.Commissioner)]
public sealed class ExportModel(MaturityRoundExporter exporter) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var file = await exporter.ExportAsync(id, cancellationToken);
        return file is null ? NotFound() : File(file.Value.Content, "text/csv; charset=utf-8", file.Value.FileName);
    }
}
