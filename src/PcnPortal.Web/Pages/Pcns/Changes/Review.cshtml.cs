using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Pcns.Changes;

/// <summary>Approve a submitted change (applied on its effective date) or return it with a reason.</summary>
[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class ReviewModel(PortalDbContext db, ChangeRequestService changes, ChangeRequestComparison comparison, ICurrentUser currentUser, TimeProvider clock, IValidator<ReviewModel.ReviewForm> validator) : PageModel
{
    /// <summary>Bound without a prefix: the fields are "ReturnReason" and "Version".</summary>
    [BindProperty(Name = "")]
    public ReviewForm Input { get; set; } = new();

    public string? ReturnReason => Input.ReturnReason;

    public int Version
    {
        get => Input.Version;
        private set => Input.Version = value;
    }

    public PcnChangeRequest Change { get; private set; } = null!;

    /// <summary>The register today beside what the request proposes.</summary>
    public IReadOnlyList<ChangeComparisonRow> Comparison { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = Change.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Stale())
        {
            return Conflict();
        }

        var today = clock.Today();
        string? error;
        try
        {
            error = await changes.ApproveAsync(Change, currentUser.Name, clock.GetUtcNow().UtcDateTime, today, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await DecidedElsewhereAsync(id, cancellationToken);
        }

        if (error is not null)
        {
            return this.PageWithError(string.Empty, error);
        }

        TempData["Success"] = Change.AppliedOn is null
            ? $"Approved. The change applies to {Change.Pcn!.Name} on {Change.EffectiveDate:d MMMM yyyy}."
            : $"Approved and applied to {Change.Pcn!.Name}.";
        return Redirect("/pcns/changes");
    }

    public async Task<IActionResult> OnPostReturnAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Stale())
        {
            return Conflict();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation, prefix: "");
        }

        try
        {
            await changes.ReturnAsync(Change, Input.ReturnReason!, currentUser.Name, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await DecidedElsewhereAsync(id, cancellationToken);
        }

        TempData["Success"] = $"The change is returned to {Change.Pcn!.Name} with your reason.";
        return Redirect("/pcns/changes");
    }

    private bool Stale()
    {
        if (Change.Status == PcnChangeStatus.Submitted && Change.Version == Version)
        {
            return false;
        }

        ModelState.AddModelError(string.Empty, "This change was decided by someone else while you were looking at it. The page shows its current state.");
        Version = Change.Version;
        return true;
    }

    private async Task<IActionResult> DecidedElsewhereAsync(int id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        Version = 0;
        await LoadAsync(id, cancellationToken);
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, "This change was decided by someone else while you were looking at it. The page shows its current state.");
        Version = Change.Version;
        return Conflict();
    }

    private IActionResult Conflict()
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var request = await db.PcnChangeRequests.Include(r => r.Pcn).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        Change = request!;
        if (request is not null)
        {
            db.Entry(request).Property(r => r.Version).OriginalValue = Version == 0 ? request.Version : Version;
            Comparison = await comparison.CompareAsync(request, clock.Today(), cancellationToken);
        }

        return request is not null;
    }

    public sealed class ReviewForm
    {
        public string? ReturnReason { get; set; }

        public int Version { get; set; }
    }

    /// <summary>Checks a return (approving takes no input beyond the version).</summary>
    public sealed class ReviewFormValidator : AbstractValidator<ReviewForm>
    {
        public ReviewFormValidator()
        {
            RuleFor(f => f.ReturnReason).Must(r => !string.IsNullOrWhiteSpace(r))
                .WithMessage("Enter why you are returning the change, so the PCN can put it right.");
        }
    }
}
