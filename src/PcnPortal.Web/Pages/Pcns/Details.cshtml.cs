using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Auditing;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Pcns;

[Authorize(Policy = PortalPolicies.PcnOrCommissioner)]
public sealed class DetailsModel(PcnDetailsQuery details, ChangeRequestService changes, ICurrentUser currentUser, PcnScope scope, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "asAt")]
    public DateOnly? AsAtInput { get; set; }

    /// <summary>The as-at date as typed in the day, month and year boxes (wins over the <c>asAt</c> of a link).</summary>
    [BindProperty(SupportsGet = true, Name = AsAtDate.Key)]
    public DateParts? AsAtTyped { get; set; }

    public DateParts AsAtBoxes => AsAtDate.Boxes(AsAtTyped, AsAt, ModelState);

    public Pcn Pcn { get; private set; } = null!;

    public DateOnly AsAt { get; private set; }

    public DateOnly PopulationDate => PcnPopulation.PopulationDate(AsAt);

    public IReadOnlyList<PcnMemberRow> Practices { get; private set; } = [];

    public PcnPopulationResult Population { get; private set; } = null!;

    public IReadOnlyList<RuleOutcome> Outcomes { get; private set; } = [];

    /// <summary>Change requests shown: the latest <see cref="RecentRequests"/> unless every one was asked for.</summary>
    public const int RecentRequests = PcnDetailsQuery.RecentRequests;

    [BindProperty(SupportsGet = true, Name = "requests")]
    public string? RequestsShown { get; set; }

    public bool AllRequests => RequestsShown == "all";

    public IReadOnlyList<PcnChangeRequest> Requests { get; private set; } = [];

    public int RequestCount { get; private set; }

    public IReadOnlyList<AuditLine> History { get; private set; } = [];

    public bool CanManage => currentUser.IsInRole(PortalRoles.Administrator) || currentUser.IsInRole(PortalRoles.CommissionerContracts);

    public bool CanPropose => scope.IsPcnUser;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        // Resource check: a PCN user may open only their own PCN, whatever the link.
        if (!scope.CanSee(code))
        {
            return Forbid();
        }

        var today = clock.Today();
        AsAt = AsAtDate.Resolve(AsAtTyped, AsAtInput, today, ModelState);
        await changes.ApplyDueAsync(today, cancellationToken);
        if (await details.GetAsync(code, AsAt, AllRequests, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Pcn = found.Pcn;
        Population = found.Population;
        Practices = found.Practices;
        Outcomes = found.Outcomes;
        RequestCount = found.RequestCount;
        Requests = found.Requests;
        History = found.History;
        return Page();
    }
}
