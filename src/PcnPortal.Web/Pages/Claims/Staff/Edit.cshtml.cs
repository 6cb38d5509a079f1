using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Claims.Staff;

/// <summary>Add (/claims/staff/add) or change (/claims/staff/{id}) a member of ARRS staff. PCN users: own PCN only.</summary>
[Authorize(Policy = PortalPolicies.PcnOrCommissioner)]
public sealed class EditModel(PortalDbContext db, PcnScope scope, ArrsReferenceService reference, IValidator<StaffForm> validator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Pcn { get; set; }

    [BindProperty]
    public StaffForm Input { get; set; } = new();

    [BindProperty]
    public int SeenVersion { get; set; }

    public int? Id { get; private set; }

    public string PcnName { get; private set; } = "";

    public List<(string Code, string Name)> Roles { get; private set; } = [];

    private int _pcnId;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var (result, member) = await LoadAsync(id, cancellationToken);
        if (result is not null)
        {
            return result;
        }

        if (member is not null)
        {
            Input = new StaffForm
            {
                StaffRef = member.StaffRef,
                Name = member.Name,
                RoleCode = member.RoleCode,
                Employer = member.Employer,
                Wte = member.Wte.ToString("0.##", CultureInfo.InvariantCulture),
                StartDate = DateParts.From(member.StartDate),
                EndDate = DateParts.From(member.EndDate),
                Transferred = member.TransferredFromClinicalPharmacistScheme,
                ThirdPartySplw = member.ThirdPartySplw,
                Cover = member.Cover,
            };
            SeenVersion = member.Version;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var (result, member) = await LoadAsync(id, cancellationToken);
        if (result is not null)
        {
            return result;
        }

        Input.KnownRoles = Roles.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (validation.IsValid)
        {
            var staffRef = Input.StaffRef!.Trim();
            if (await db.ArrsStaff.AnyAsync(s => s.PcnId == _pcnId && s.StaffRef == staffRef && s.Id != (Id ?? 0), cancellationToken))
            {
                ModelState.AddModelError("Input.StaffRef", $"{staffRef} is already used for another member of staff in this PCN");
            }
            else
            {
                if (member is null)
                {
                    member = new ArrsStaffMember { PcnId = _pcnId };
                    db.ArrsStaff.Add(member);
                }
                else
                {
                    db.Entry(member).Property(m => m.Version).OriginalValue = SeenVersion;
                }

                member.StaffRef = staffRef;
                member.Name = Input.Name!.Trim();
                member.RoleCode = Input.RoleCode!;
                member.Employer = Input.Employer!.Trim();
                member.Wte = StaffForm.Number(Input.Wte)!.Value;
                member.StartDate = Input.StartDate.Date!.Value;
                member.EndDate = Input.EndDate.Date;
                member.TransferredFromClinicalPharmacistScheme = Input.Transferred;
                member.ThirdPartySplw = Input.ThirdPartySplw;
                member.Cover = Input.Cover;
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    TempData["Success"] = $"{member.Name} saved.";
                    return Redirect($"/claims/staff?pcn={Pcn}");
                }
                catch (DbUpdateConcurrencyException)
                {
                    ModelState.AddModelError("Input.Name", "Someone else changed this member of staff while you were editing. Go back to the staff list and open them again to see the latest details.");
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    return Page();
                }
            }

            return this.PageWithErrors();
        }

        return this.PageWithErrors(validation);
    }

    private async Task<(IActionResult? Result, ArrsStaffMember? Member)> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Roles = (await reference.LoadAsync(cancellationToken)).Roles.OrderBy(r => r.Name).Select(r => (r.Code, r.Name)).ToList();
        ArrsStaffMember? member = null;
        if (id != "add")
        {
            Id = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1;
            member = await db.ArrsStaff.Include(s => s.Pcn).SingleOrDefaultAsync(s => s.Id == number, cancellationToken);
            // Another PCN's staff is not found, without saying whether it exists.
            if (member is null || !scope.CanSee(member.Pcn!.Code))
            {
                return (NotFound(), null);
            }

            Pcn = member.Pcn.Code;
        }
        else
        {
            var choice = scope.Resolve(Pcn);
            if (choice.IsRefused)
            {
                return (Forbid(), null);
            }

            Pcn = choice.PcnCode;
        }

        if (!scope.IsPcnUser && !User.IsInRole(PortalRoles.CommissionerContracts) && !User.IsInRole(PortalRoles.Administrator))
        {
            return (Forbid(), null);
        }

        Pcn = Pcn?.Trim().ToUpperInvariant();
        var pcn = await db.Pcns.AsNoTracking().Where(p => p.Code == Pcn).Select(p => new { p.Id, p.Name, Payee = p.NominatedPayeeName }).FirstOrDefaultAsync(cancellationToken);
        if (pcn is null)
        {
            return (NotFound(), null);
        }

        _pcnId = pcn.Id;
        PcnName = pcn.Name;
        if (member is null && string.IsNullOrEmpty(Input.Employer) && HttpMethods.IsGet(Request.Method))
        {
            Input.Employer = pcn.Payee ?? pcn.Name;
        }

        return (null, member);
    }
}

public sealed class StaffForm
{
    public string? StaffRef { get; set; }

    public string? Name { get; set; }

    public string? RoleCode { get; set; }

    public string? Employer { get; set; }

    public string? Wte { get; set; }

    public DateParts StartDate { get; set; } = new();

    public DateParts EndDate { get; set; } = new();

    public bool Transferred { get; set; }

    public bool ThirdPartySplw { get; set; }

    public bool Cover { get; set; }

    internal IReadOnlySet<string> KnownRoles { get; set; } = new HashSet<string>();

    internal static decimal? Number(string? text) => decimal.TryParse(text?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
}

public sealed class StaffFormValidator : AbstractValidator<StaffForm>
{
    public StaffFormValidator()
    {
        RuleFor(f => f.StaffRef).Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length <= 50)
            .WithMessage("Enter the person's unique staff reference (their ESR or NHS staff number), 50 characters or fewer");
        RuleFor(f => f.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 200).WithMessage("Enter the person's name, 200 characters or fewer");
        RuleFor(f => f.RoleCode).Must((f, r) => r is not null && f.KnownRoles.Contains(r)).WithMessage("Select the role");
        RuleFor(f => f.Employer).Must(e => !string.IsNullOrWhiteSpace(e) && e.Trim().Length <= 200).WithMessage("Enter the employer, for example the PCN's nominated payee");
        RuleFor(f => f.Wte).Must(w => FormValues.TryParseWte(w, out _)).WithMessage(FormValues.WteMessage);
        RuleFor(f => f.StartDate).ValidDate("the start date");
        RuleFor(f => f.EndDate).ValidDate("the leaving date", required: false);
        RuleFor(f => f.EndDate).Must((f, d) => f.StartDate.Date is not { } start || d.Date is not { } end || end >= start)
            .WithMessage("The leaving date must be on or after the start date");
    }
}
