using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Pcns;

/// <summary>Records the commissioner's agreement that a PCN may sit outside the population band (clears PCN-POPULATION-RANGE).</summary>
[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class PopulationExceptionModel(PortalDbContext db, ICurrentUser currentUser, TimeProvider clock, IValidator<PopulationExceptionModel.ExceptionForm> validator) : PageModel
{
    /// <summary>Bound without a prefix: the fields are "Reason" and "AgreedOn".</summary>
    [BindProperty(Name = "")]
    public ExceptionForm Input { get; set; } = new();

    public Pcn Pcn { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Input.Reason = Pcn.PopulationExceptionReason;
        Input.AgreedOn = DateParts.From(Pcn.PopulationExceptionAgreed ?? clock.Today());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Input.Reason = Input.Reason?.Trim();
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation, prefix: "");
        }

        Pcn.PopulationExceptionReason = Input.Reason;
        Pcn.PopulationExceptionAgreed = Input.AgreedOn.Date;
        Pcn.PopulationExceptionAgreedBy = currentUser.Name;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"The population exception for {Pcn.Name} is recorded.";
        return Redirect($"/pcns/{Pcn.Code}");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var pcn = await db.Pcns.SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        Pcn = pcn!;
        return pcn is not null;
    }

    public sealed class ExceptionForm
    {
        public string? Reason { get; set; }

        public DateParts AgreedOn { get; set; } = new();
    }

    public sealed class ExceptionFormValidator : AbstractValidator<ExceptionForm>
    {
        public ExceptionFormValidator()
        {
            RuleFor(f => f.Reason).NotEmpty().WithMessage("Enter why the commissioner agreed the exception, for example the rural area it covers.")
                .MaximumLength(1000).WithMessage("Enter a reason of 1,000 characters or fewer.");
            RuleFor(f => f.AgreedOn).ValidDate("the date the exception was agreed");
        }
    }
}
