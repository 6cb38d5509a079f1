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
public sealed class DetailsModel(PortalDbContext db, RegistrationCheckService checks, ChangeRequestService changes, ICurrentUser currentUser, PcnScope scope, TimeProvider clock, AuditDescriber audit) : PageModel
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

    public List<MemberRow> Practices { get; private set; } = [];

    public PcnPopulationResult Population { get; private set; } = null!;

    public IReadOnlyList<RuleOutcome> Outcomes { get; private set; } = [];

    /// <summary>Change requests shown: the latest <see cref="RecentRequests"/> unless every one was asked for.</summary>
    public const int RecentRequests = 25;

    [BindProperty(SupportsGet = true, Name = "requests")]
    public string? RequestsShown { get; set; }

    public bool AllRequests => RequestsShown == "all";

    public List<PcnChangeRequest> Requests { get; private set; } = [];

    public int RequestCount { get; private set; }

    public List<AuditLine> History { get; private set; } = [];

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
        var pcn = await db.Pcns.AsNoTracking().Include(p => p.Locality).Include(p => p.ClinicalDirectors)
            .Include(p => p.Memberships).ThenInclude(m => m.Practice)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (pcn is null)
        {
            return NotFound();
        }

        Pcn = pcn;
        var asAt = AsAt;
        var populationDate = PopulationDate;
        var practiceIds = pcn.Memberships.Select(m => m.PracticeId).Distinct().ToList();
        var sizes = await db.PracticeListSizes.AsNoTracking()
            .Where(l => practiceIds.Contains(l.PracticeId) && l.AsAt <= populationDate)
            .Select(l => new ListSizeRecord(l.Practice!.Code, l.AsAt, l.Registered, l.Weighted))
            .ToListAsync(cancellationToken);
        var current = pcn.Memberships.Where(m => m.IsCurrentOn(asAt)).ToList();
        Population = PcnPopulation.Calculate(current.Select(m => m.Practice!.Code), sizes, asAt);
        var used = Population.Practices.ToDictionary(p => p.PracticeCode);
        Practices = pcn.Memberships
            .OrderByDescending(m => m.IsCurrentOn(asAt)).ThenBy(m => m.Practice!.Name).ThenBy(m => m.StartDate)
            .Select(m => new MemberRow(m.Id, m.Practice!.Code, m.Practice.Name, m.StartDate, m.EndDate, m.IsCurrentOn(asAt), m.CrossBoundary,
                m.IsCurrentOn(asAt) && used.TryGetValue(m.Practice.Code, out var u) ? u : null))
            .ToList();
        Outcomes = (await checks.CheckAsync(db.Pcns.Where(p => p.Id == pcn.Id), asAt, cancellationToken))[pcn.Code].Outcomes;
        var requests = db.PcnChangeRequests.AsNoTracking().Where(r => r.PcnId == pcn.Id);
        RequestCount = await requests.CountAsync(cancellationToken);
        var latest = requests.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id);
        Requests = await (AllRequests ? latest : latest.Take(RecentRequests)).ToListAsync(cancellationToken);

        var id = pcn.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var membershipKeys = pcn.Memberships.Select(m => m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var directorKeys = pcn.ClinicalDirectors.Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var requestKeys = Requests.Select(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.Entity == nameof(Domain.Registration.Pcn) && a.EntityKey == id)
                || (a.Entity == nameof(PcnMembership) && membershipKeys.Contains(a.EntityKey))
                || (a.Entity == nameof(ClinicalDirector) && directorKeys.Contains(a.EntityKey))
                || (a.Entity == nameof(PcnChangeRequest) && requestKeys.Contains(a.EntityKey)))
            .OrderByDescending(a => a.Id)
            .Take(100)
            .ToListAsync(cancellationToken);
        History = await audit.DescribeAsync(history, cancellationToken);
        return Page();
    }

    public sealed record MemberRow(int Id, string Code, string Name, DateOnly Start, DateOnly? End, bool Current, bool CrossBoundary, PracticeListSizeUsed? ListSize);
}
