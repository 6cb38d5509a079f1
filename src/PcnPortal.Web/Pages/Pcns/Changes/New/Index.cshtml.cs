using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Pcns.Changes.New;

/// <summary>A PCN manager or clinical director proposes a change to their own PCN; it is Submitted for the commissioner.</summary>
[Authorize(Policy = PortalPolicies.PcnUser)]
public sealed class IndexModel(PortalDbContext db, ICurrentUser currentUser, PcnScope scope, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ChangeForm Input { get; set; } = new();

    public Pcn Pcn { get; private set; } = null!;

    public List<(string Code, string Name)> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!scope.CanSee(code))
        {
            return Forbid();
        }

        return await LoadAsync(code, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!scope.CanSee(code))
        {
            return Forbid();
        }

        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Input.Trim();
        Practice? practice = null;
        if (Input.Kind is PcnChangeKind.PracticeJoins or PcnChangeKind.PracticeLeaves or PcnChangeKind.NominatedPayee)
        {
            if (OdsCodeRules.CheckPracticeCode(Input.OrganisationCode) is { Severity: RuleSeverity.Fail } bad && Input.Kind != PcnChangeKind.NominatedPayee)
            {
                ModelState.AddModelError("Input.OrganisationCode", bad.Explanation);
            }
            else if (string.IsNullOrEmpty(Input.OrganisationCode))
            {
                ModelState.AddModelError("Input.OrganisationCode", "Enter the ODS code of the practice or provider, for example A81001.");
            }
            else
            {
                practice = await db.Practices.AsNoTracking().SingleOrDefaultAsync(p => p.Code == Input.OrganisationCode, cancellationToken);
                if (Input.Kind == PcnChangeKind.PracticeJoins && practice is null)
                {
                    ModelState.AddModelError("Input.OrganisationCode", $"Practice {Input.OrganisationCode} is not in the register: check the code, or ask the commissioner to add it.");
                }
                else if (Input.Kind == PcnChangeKind.PracticeLeaves && !Members.Any(m => m.Code == Input.OrganisationCode))
                {
                    ModelState.AddModelError("Input.OrganisationCode", $"Practice {Input.OrganisationCode} is not a current member of {Pcn.Name}: choose one of {string.Join(", ", Members.Select(m => m.Code))}.");
                }
                else if (Input.Kind == PcnChangeKind.NominatedPayee && string.IsNullOrEmpty(Input.OrganisationName) && practice is null)
                {
                    ModelState.AddModelError("Input.OrganisationName", "Enter the payee's name.");
                }
            }
        }

        switch (Input.Kind)
        {
            case null:
                ModelState.AddModelError("Input.Kind", "Select what you want to change.");
                break;
            case PcnChangeKind.ClinicalDirector:
                if (string.IsNullOrEmpty(Input.DirectorName))
                {
                    ModelState.AddModelError("Input.DirectorName", "Enter the new clinical director's full name.");
                }

                if (string.IsNullOrEmpty(Input.DirectorProfession))
                {
                    ModelState.AddModelError("Input.DirectorProfession", "Enter their profession, for example GP, pharmacist or nurse.");
                }

                break;
            case PcnChangeKind.Agreements when Input.NetworkAgreementSigned is null && Input.DataSharingAgreementSigned is null:
                ModelState.AddModelError("Input.NetworkAgreementSigned", "Enter the date the network agreement or the data-sharing agreement was signed.");
                break;
        }

        if (Input.EffectiveDate is null)
        {
            ModelState.AddModelError("Input.EffectiveDate", "Enter the date the change takes effect, for example 2024-04-01.");
        }

        if (string.IsNullOrEmpty(Input.Reason))
        {
            ModelState.AddModelError("Input.Reason", "Enter the reason for the change.");
        }
        else if (Input.Reason.Length > 2000)
        {
            ModelState.AddModelError("Input.Reason", "Enter a reason of 2,000 characters or fewer.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var kind = Input.Kind!.Value;
        db.PcnChangeRequests.Add(new PcnChangeRequest
        {
            PcnId = Pcn.Id,
            Kind = kind,
            EffectiveDate = Input.EffectiveDate!.Value,
            Reason = Input.Reason!,
            DirectorName = kind == PcnChangeKind.ClinicalDirector ? Input.DirectorName : null,
            DirectorProfession = kind == PcnChangeKind.ClinicalDirector ? Input.DirectorProfession : null,
            OrganisationCode = kind is PcnChangeKind.NominatedPayee or PcnChangeKind.PracticeJoins or PcnChangeKind.PracticeLeaves ? Input.OrganisationCode : null,
            OrganisationName = kind is PcnChangeKind.NominatedPayee or PcnChangeKind.PracticeJoins or PcnChangeKind.PracticeLeaves ? Input.OrganisationName ?? practice?.Name : null,
            NetworkAgreementSigned = kind == PcnChangeKind.Agreements ? Input.NetworkAgreementSigned : null,
            DataSharingAgreementSigned = kind == PcnChangeKind.Agreements ? Input.DataSharingAgreementSigned : null,
            SubmittedBy = currentUser.Name,
            SubmittedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "Your change is submitted. The commissioner will approve it or return it with a reason.";
        return Redirect($"/pcns/{Pcn.Code}");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var pcn = await db.Pcns.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (pcn is null)
        {
            return false;
        }

        Pcn = pcn;
        var today = clock.Today();
        Members = (await db.PcnMemberships.AsNoTracking().Where(m => m.PcnId == pcn.Id && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today))
            .Select(m => new { m.Practice!.Code, m.Practice.Name }).ToListAsync(cancellationToken)).Select(m => (m.Code, m.Name)).ToList();
        return true;
    }

    public sealed class ChangeForm
    {
        public PcnChangeKind? Kind { get; set; }

        public DateOnly? EffectiveDate { get; set; }

        public string? Reason { get; set; }

        public string? DirectorName { get; set; }

        public string? DirectorProfession { get; set; }

        public string? OrganisationCode { get; set; }

        public string? OrganisationName { get; set; }

        public DateOnly? NetworkAgreementSigned { get; set; }

        public DateOnly? DataSharingAgreementSigned { get; set; }

        public void Trim()
        {
            Reason = Clean(Reason);
            DirectorName = Clean(DirectorName);
            DirectorProfession = Clean(DirectorProfession);
            OrganisationCode = Clean(OrganisationCode)?.ToUpperInvariant();
            OrganisationName = Clean(OrganisationName);
        }

        private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
