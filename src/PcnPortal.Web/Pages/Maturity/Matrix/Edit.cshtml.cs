using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Maturity;
using PcnPortal.Web.Features.Maturity;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Maturity.Matrix;

[Authorize(Policy = PortalPolicies.Administration)]
public sealed class EditModel(PortalDbContext db, IValidator<EditModel.MatrixForm> validator) : PageModel
{
    public const int Limit = 1000;

    public MatrixVersion Matrix { get; private set; } = null!;

    /// <summary>Descriptor texts keyed "LPP-1-pcns" / "LPP-1-systems" (domain code, step number, audience).</summary>
    /// <summary>Bound without a prefix: "Cells[INT-3-pcns]" and so on, and "Version".</summary>
    [BindProperty(Name = "")]
    public MatrixForm Input { get; set; } = new();

    public Dictionary<string, string?> Cells => Input.Cells;

    public int Version
    {
        get => Input.Version;
        private set => Input.Version = value;
    }

    public static string Key(MaturityDomain d, MaturityStep s, string who) => $"{d.Code()}-{(int)s}-{who}";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.MatrixVersions.AsNoTracking().Include(v => v.Descriptors).FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Matrix = found;
        Version = found.Version;
        foreach (var d in found.Descriptors)
        {
            Cells[Key(d.Domain, d.Step, "pcns")] = d.ForPcns;
            Cells[Key(d.Domain, d.Step, "systems")] = d.ForSystems;
        }

        return Page();
    }

    /// <summary>Saves every descriptor in one go: all or nothing, refused if someone else saved the version first.</summary>
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.MatrixVersions.Include(v => v.Descriptors).FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Matrix = found;
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation, prefix: "");
        }

        if (found.Version != Version)
        {
            ModelState.AddModelError(string.Empty, "Someone else changed this version while you were editing. Reload the page to see their changes; yours have not been saved.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        foreach (var domain in MaturityDomains.All)
        {
            foreach (var step in Enum.GetValues<MaturityStep>())
            {
                var cell = found.Descriptors.FirstOrDefault(d => d.Domain == domain && d.Step == step);
                if (cell is null)
                {
                    cell = new MatrixDescriptor { Domain = domain, Step = step, ForPcns = string.Empty, ForSystems = string.Empty };
                    found.Descriptors.Add(cell);
                }

                cell.ForPcns = Cells[Key(domain, step, "pcns")]!.Trim();
                cell.ForSystems = Cells[Key(domain, step, "systems")]!.Trim();
            }
        }

        db.Entry(found).Property(v => v.Version).IsModified = true;
        db.Entry(found).Property(v => v.Version).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "Someone else changed this version while you were editing. Reload the page to see their changes; yours have not been saved.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        TempData["Success"] = $"{found.Name} saved.";
        return Redirect("/maturity/matrix");
    }

    public sealed class MatrixForm
    {
        public Dictionary<string, string?> Cells { get; set; } = [];

        public int Version { get; set; }
    }

    /// <summary>Every descriptor (each domain, step, for PCNs and for systems) is entered and within the limit.</summary>
    public sealed class MatrixFormValidator : AbstractValidator<MatrixForm>
    {
        public MatrixFormValidator()
        {
            RuleFor(f => f.Cells).Custom((cells, context) =>
            {
                foreach (var domain in MaturityDomains.All)
                {
                    foreach (var step in Enum.GetValues<MaturityStep>())
                    {
                        foreach (var (who, label) in new[] { ("pcns", "For PCNs"), ("systems", "For systems") })
                        {
                            var key = Key(domain, step, who);
                            var text = cells.GetValueOrDefault(key)?.Trim();
                            var name = $"{domain.DisplayName()}, {step.DisplayText()}, {label}";
                            if (string.IsNullOrEmpty(text))
                            {
                                context.AddFailure($"Cells[{key}]", $"Enter the descriptor for {name}");
                            }
                            else if (MaturityTextLimits.Length(text) > Limit)
                            {
                                context.AddFailure($"Cells[{key}]", $"{name} must be {Limit:N0} characters or fewer");
                            }
                        }
                    }
                }
            });
        }
    }
}
