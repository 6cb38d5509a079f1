using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Features.Papers;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Papers.Risks;

public sealed class RiskForm
{
    public string? Risk { get; set; }

    public string? Mitigations { get; set; }

    public string? CurrentLikelihood { get; set; }

    public string? CurrentImpact { get; set; }

    public string? TargetLikelihood { get; set; }

    public string? TargetImpact { get; set; }
}

[Authorize(Policy = PortalPolicies.PapersEdit)]
public sealed class AddModel(PortalDbContext db, PaperDocumentBuilder builder) : PageModel
{
    public static readonly (string Name, string Label)[] Scores =
    [
        ("CurrentLikelihood", "Current likelihood"), ("CurrentImpact", "Current impact"), ("TargetLikelihood", "Target likelihood"), ("TargetImpact", "Target impact"),
    ];

    [BindProperty]
    public RiskForm Input { get; set; } = new();

    public CommitteePaper Paper { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var paper = await builder.LoadPaperAsync(id, HttpContext.RequestAborted);
        if (paper is null)
        {
            return NotFound();
        }

        Paper = paper;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var paper = await builder.LoadPaperAsync(id, HttpContext.RequestAborted);
        if (paper is null)
        {
            return NotFound();
        }

        Paper = paper;
        if (string.IsNullOrWhiteSpace(Input.Risk))
        {
            ModelState.AddModelError("Input.Risk", "Describe the risk");
        }
        else if (Input.Risk.Length > 2000)
        {
            ModelState.AddModelError("Input.Risk", "Risk must be 2,000 characters or fewer");
        }

        if (string.IsNullOrWhiteSpace(Input.Mitigations))
        {
            ModelState.AddModelError("Input.Mitigations", "Enter the mitigating actions");
        }
        else if (Input.Mitigations.Length > 4000)
        {
            ModelState.AddModelError("Input.Mitigations", "Mitigating actions must be 4,000 characters or fewer");
        }

        var values = new Dictionary<string, int>();
        foreach (var (name, label) in Scores)
        {
            var raw = (string?)typeof(RiskForm).GetProperty(name)!.GetValue(Input);
            if (int.TryParse(raw, out var v) && RiskScore.IsValidFactor(v))
            {
                values[name] = v;
            }
            else
            {
                ModelState.AddModelError("Input." + name, $"{label} must be a whole number from 1 to 5");
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        paper.BeginEdit();
        paper.Risks.Add(new PaperRisk
        {
            Position = paper.Risks.Count == 0 ? 1 : paper.Risks.Max(r => r.Position) + 1,
            Risk = Input.Risk!.Trim(),
            Mitigations = Input.Mitigations!.Trim(),
            CurrentLikelihood = values["CurrentLikelihood"],
            CurrentImpact = values["CurrentImpact"],
            TargetLikelihood = values["TargetLikelihood"],
            TargetImpact = values["TargetImpact"],
        });
        await db.SaveChangesAsync();
        TempData["Success"] = "Risk added.";
        return Redirect($"/papers/{id}#risks");
    }
}
