using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Features.Papers;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

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
public sealed class AddModel(PortalDbContext db, PaperDocumentBuilder builder, IValidator<RiskForm> validator) : PageModel
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
        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation);
        }

        var values = Scores.ToDictionary(s => s.Name, s => int.Parse((string)typeof(RiskForm).GetProperty(s.Name)!.GetValue(Input)!, CultureInfo.InvariantCulture));

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

public sealed class RiskFormValidator : AbstractValidator<RiskForm>
{
    public RiskFormValidator()
    {
        RuleFor(f => f.Risk).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Describe the risk")
            .MaximumLength(2000).WithMessage("Risk must be 2,000 characters or fewer");
        RuleFor(f => f.Mitigations).Must(m => !string.IsNullOrWhiteSpace(m)).WithMessage("Enter the mitigating actions")
            .MaximumLength(4000).WithMessage("Mitigating actions must be 4,000 characters or fewer");
        RuleFor(f => f).Custom((form, context) =>
        {
            foreach (var (name, label) in AddModel.Scores)
            {
                var raw = (string?)typeof(RiskForm).GetProperty(name)!.GetValue(form);
                if (!int.TryParse(raw, CultureInfo.InvariantCulture, out var v) || !RiskScore.IsValidFactor(v))
                {
                    context.AddFailure(name, $"{label} must be a whole number from 1 to 5");
                }
            }
        });
    }
}
