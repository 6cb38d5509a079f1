using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Claims.Baseline;

/// <summary>A PCN's ARRS baseline as at 31 March 2019. PCN users see their own; the contracts team edits it.</summary>
[Authorize(Policy = PortalPolicies.PcnOrCommissioner)]
public sealed class IndexModel(PortalDbContext db, PcnScope scope, ArrsAssessmentService assessment, IValidator<IndexModel.TierForm> validator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Pcn { get; set; }

    public string PcnName { get; private set; } = "";

    public IReadOnlyList<(string Code, string Name)> Pcns { get; private set; } = [];

    public List<ArrsBaseline> Posts { get; private set; } = [];

    /// <summary>Role names by code, so that posts show the role's name.</summary>
    public Dictionary<string, string> RoleNames { get; private set; } = [];

    public string RoleName(string code) => RoleNames.GetValueOrDefault(code, code);

    /// <summary>The area tier form, bound without a prefix: the field is "Tier".</summary>
    [BindProperty(Name = "")]
    public TierForm Input { get; set; } = new();

    public AreaTier CurrentTier { get; private set; }

    public bool CanEdit => User.IsInRole(PortalRoles.CommissionerContracts) || User.IsInRole(PortalRoles.Administrator);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var choice = await scope.ChooseAsync(Pcn, cancellationToken);
        if (choice.IsRefused)
        {
            return Forbid();
        }

        Pcn = choice.PcnCode;
        Pcns = choice.Choices;

        var pcn = await db.Pcns.AsNoTracking().Where(p => p.Code == Pcn).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(cancellationToken);
        if (pcn is null)
        {
            return NotFound();
        }

        PcnName = pcn.Name;
        CurrentTier = await db.ArrsPcnAreaTiers.Where(t => t.PcnId == pcn.Id).Select(t => (AreaTier?)t.Tier).FirstOrDefaultAsync(cancellationToken) ?? AreaTier.National;
        RoleNames = await db.ArrsRoles.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, StringComparer.Ordinal, cancellationToken);
        Posts = await db.ArrsBaselines.AsNoTracking().Where(b => b.PcnId == pcn.Id).OrderBy(b => b.RoleCode).ThenBy(b => b.StaffRef).ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>The contracts team sets the PCN's area tier (London maximums); every year's claims are assessed again.</summary>
    public async Task<IActionResult> OnPostTierAsync(CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var pcnId = await db.Pcns.Where(p => p.Code == Pcn).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (pcnId is null)
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return await OnGetAsync(cancellationToken) is PageResult ? this.PageWithErrors(validation, prefix: "") : NotFound();
        }

        var tier = Input.Parsed!.Value;

        var row = await db.ArrsPcnAreaTiers.SingleOrDefaultAsync(t => t.PcnId == pcnId, cancellationToken);
        if (row is null)
        {
            db.ArrsPcnAreaTiers.Add(new ArrsPcnAreaTier { PcnId = pcnId.Value, Tier = tier });
        }
        else
        {
            row.Tier = tier;
        }

        await db.SaveChangesAsync(cancellationToken);
        var years = await assessment.AssessAllYearsAsync(cancellationToken);
        TempData["Success"] = $"{Pcn} is now paid {TierName(tier)} maximums. Claims in {years} financial year(s) were assessed again.";
        return Redirect($"/claims/baseline?pcn={Pcn}");
    }

    public sealed class TierForm
    {
        public string? Tier { get; set; }

        internal AreaTier? Parsed => Enum.TryParse<AreaTier>(Tier, out var tier) && Enum.IsDefined(tier) && !int.TryParse(Tier, out _) ? tier : null;
    }

    public sealed class TierFormValidator : AbstractValidator<TierForm>
    {
        public TierFormValidator()
        {
            RuleFor(f => f.Tier).Must((f, _) => f.Parsed is not null).WithMessage("Select the area tier: national, outer London or inner London");
        }
    }

    public static string TierName(AreaTier tier) => tier switch
    {
        AreaTier.OuterLondon => "outer London",
        AreaTier.InnerLondon => "inner London",
        _ => "national",
    };
}
