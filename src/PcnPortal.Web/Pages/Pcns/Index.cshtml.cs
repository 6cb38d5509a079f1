using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Configuration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Files;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Pcns;

[Authorize(Policy = PortalPolicies.PcnOrCommissioner)]
public sealed class IndexModel(PcnRegisterQuery query, PortalDbContext db, ChangeRequestService changes, PortalOptions portal, ICurrentUser currentUser, PcnScope scope, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<string> RuleCodes =
    [
        RegistrationRuleCodes.NameSuffix, RegistrationRuleCodes.NameLength, RegistrationRuleCodes.NameGeneric, RegistrationRuleCodes.NameAmpersand,
        RegistrationRuleCodes.PcnCodeFormat, RegistrationRuleCodes.PracticeCodeFormat, RegistrationRuleCodes.PopulationRange,
        RegistrationRuleCodes.NoMembers, RegistrationRuleCodes.NoClinicalDirector, RegistrationRuleCodes.NoPayee,
    ];

    [BindProperty(SupportsGet = true, Name = "asAt")]
    public DateOnly? AsAtInput { get; set; }

    /// <summary>The as-at date as typed in the day, month and year boxes (wins over the <c>asAt</c> of a link).</summary>
    [BindProperty(SupportsGet = true, Name = AsAtDate.Key)]
    public DateParts? AsAtTyped { get; set; }

    public DateParts AsAtBoxes => AsAtDate.Boxes(AsAtTyped, AsAt, ModelState);

    [BindProperty(SupportsGet = true)]
    public int? Locality { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Rule { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; } = "name";

    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; } = "ccg";

    /// <summary>Both views page at <see cref="PageSize"/> rows: all England has over 1,300 PCNs; a CCG's own rarely fills one page.</summary>
    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public const int PageSize = 50;

    public List<PcnRegisterQuery.PcnRow> Rows => Register.Rows;

    public PcnRegisterQuery.RegisterPage Register { get; private set; } = new([], Paging.For(0, PageSize, 1));

    public List<(int Id, string Name)> Localities { get; private set; } = [];

    public IReadOnlyList<string> CcgCodes => portal.CcgCodes;

    public DateOnly AsAt { get; private set; }

    public DateOnly PopulationDate => PcnRegisterQuery.PopulationDateFor(AsAt);

    public bool IsPcnUser => scope.IsPcnUser;

    /// <summary>Where the register looks, in words ("in England", "in 99Z").</summary>
    public string ScopeText => IsPcnUser ? "of yours" : Scope == "all" ? "in England" : $"in {string.Join(", ", CcgCodes)}";

    /// <summary>True when "All England" is asked for but no ePCN workbook has been imported: only the portal's own PCNs exist.</summary>
    public bool NoNationalData { get; private set; }

    public bool CanManage => currentUser.IsInRole(PortalRoles.Administrator) || currentUser.IsInRole(PortalRoles.CommissionerContracts);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Register = await query.PageAsync(await LoadFilterAsync(cancellationToken), PageNumber, PageSize, cancellationToken);
        PageNumber = Register.Paging.PageNumber;
        NoNationalData = Scope == "all" && !IsPcnUser && !await db.Pcns.AnyAsync(p => p.EpcnExtractDate != null, cancellationToken);
        Localities = (await db.Localities.AsNoTracking().OrderBy(l => l.Name).Select(l => new { l.Id, l.Name }).ToListAsync(cancellationToken))
            .Select(l => (l.Id, l.Name)).ToList();
    }

    /// <summary>The register as filtered, every row (not only one page), as CSV. Cells a spreadsheet would run as a formula are prefixed with an apostrophe.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var rows = await query.ListAsync(await LoadFilterAsync(cancellationToken), cancellationToken);
        var csv = new StringBuilder();
        csv.AppendLine("pcn_code,pcn_name,ccg_code,locality,open_date,close_date,practices,registered_population,weighted_population,population_as_at,warnings");
        foreach (var row in rows)
        {
            csv.AppendLine(string.Join(',', new[]
            {
                row.Code, row.Name, row.CcgCode, row.Locality ?? string.Empty, Iso(row.OpenDate), row.CloseDate is { } c ? Iso(c) : string.Empty,
                row.Practices.ToString(CultureInfo.InvariantCulture), row.RegisteredPopulation.ToString(CultureInfo.InvariantCulture),
                row.WeightedPopulation.ToString("0.00", CultureInfo.InvariantCulture), Iso(row.PopulationDate), string.Join(' ', row.Flags.Select(f => f.Code)),
            }.Select(CsvCells.Cell)));
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv", $"pcn-register-{Iso(AsAt)}.csv");
    }

    /// <summary>The query string of the register as filtered: a new sort starts again at page 1.</summary>
    public string QueryFor(string? sort = null) =>
        $"?asAt={Iso(AsAt)}&Scope={Enc(Scope)}&Locality={Locality}&Status={Enc(Status)}&Rule={Enc(Rule)}&Sort={Enc(sort ?? Sort)}";

    /// <summary>A link to another page of the register with the same filters, sort and as-at date.</summary>
    public string PageUrl(int pageNumber) => $"/pcns{QueryFor()}&pageNumber={pageNumber.ToString(CultureInfo.InvariantCulture)}";

    private static string Enc(string? value) => Uri.EscapeDataString(value ?? string.Empty);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<RegisterFilter> LoadFilterAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today();
        AsAt = AsAtDate.Resolve(AsAtTyped, AsAtInput, today, ModelState);
        await changes.ApplyDueAsync(today, cancellationToken);

        // A PCN manager or clinical director sees only their own PCN.
        return new RegisterFilter(
            AsAt,
            scope.OnlyPcnCode,
            Scope == "all",
            Locality,
            Status is "open" or "closed" or "not-yet-open" ? Status : null,
            RuleCodes.Contains(Rule) ? Rule : null,
            Sort is "population" or "population-asc" ? Sort : "name");
    }
}
