using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Access;
using PcnPortal.Web.Features.Access;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Access.Plans;

/// <summary>The contracts team approves a submitted plan or returns it with a reason.</summary>
[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class DecisionModel(PortalDbContext db, AccessPlanService plans, IValidator<PlanDecisionForm> validator) : PageModel
{
    [BindProperty]
    public PlanDecisionForm Input { get; set; } = new();

    public AccessPlan Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation);
        }

        var approve = Input.Decision == "Approve";
        var result = await plans.DecideAsync(id, approve, Input.Note, cancellationToken);
        if (!result.Succeeded)
        {
            return this.PageWithErrors(result.Errors);
        }

        TempData["Success"] = approve ? "The plan is approved." : "The plan is returned to the PCN with your reason.";
        return Redirect($"/access/plans/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var plan = await db.AccessPlans.AsNoTracking().Include(p => p.Pcn).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        Plan = plan!;
        return plan is not null;
    }
}

public sealed class PlanDecisionForm
{
    public string? Decision { get; set; }

    public string? Note { get; set; }
}

public sealed class PlanDecisionFormValidator : AbstractValidator<PlanDecisionForm>
{
    public PlanDecisionFormValidator()
    {
        RuleFor(f => f.Decision).Must(d => d is "Approve" or "Return").WithMessage("Choose whether to approve or return the plan.");
        RuleFor(f => f.Note).NotEmpty().When(f => f.Decision == "Return").WithMessage("Enter why the plan is returned, so the PCN knows what to change.");
        RuleFor(f => f.Note).MaximumLength(1000).WithMessage("Enter 1,000 characters or fewer.");
    }
}
