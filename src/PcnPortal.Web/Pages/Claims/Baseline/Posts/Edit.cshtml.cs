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

namespace PcnPortal.Web.Pages.Claims.Baseline.Posts;

/// <summary>The contracts team adds (/claims/baseline/posts/add?pcn=) or changes (/claims/baseline/posts/{id}) a baseline post; claims are assessed again.</summary>
[Authorize(Policy = PortalPolicies.Contracts)]
public sealed class EditModel(PortalDbContext db, ArrsReferenceService reference, ArrsAssessmentService assessment, IValidator<BaselinePostForm> validator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Pcn { get; set; }

    [BindProperty]
    public BaselinePostForm Input { get; set; } = new();

    [BindProperty]
    public int SeenVersion { get; set; }

    public int? Id { get; private set; }

    public string PcnName { get; private set; } = "";

    public List<(string Code, string Name)> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var post = await LoadAsync(id, cancellationToken);
        if (post is null && Id is not null || PcnName.Length == 0)
        {
            return NotFound();
        }

        if (post is not null)
        {
            Fill(post);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var post = await LoadAsync(id, cancellationToken);
        if (post is null && Id is not null || PcnName.Length == 0)
        {
            return NotFound();
        }

        Input.KnownRoles = Roles.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation);
        }

        if (post is null)
        {
            post = new ArrsBaseline { PcnId = await db.Pcns.Where(p => p.Code == Pcn).Select(p => p.Id).SingleAsync(cancellationToken) };
            db.ArrsBaselines.Add(post);
        }
        else
        {
            db.Entry(post).Property(p => p.Version).OriginalValue = SeenVersion;
        }

        post.RoleCode = Input.RoleCode!;
        post.Wte = BaselinePostForm.Number(Input.Wte)!.Value;
        post.StaffRef = string.IsNullOrWhiteSpace(Input.StaffRef) ? null : Input.StaffRef.Trim();
        post.VacantFrom = Input.VacantFrom.Date;
        post.RefilledOn = Input.RefilledOn.Date;
        post.SignedOffOn = Input.SignedOffOn.Date;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var latest = await db.ArrsBaselines.AsNoTracking().SingleAsync(b => b.Id == post.Id, cancellationToken);
            Fill(latest);
            ModelState.Clear();
            ModelState.AddModelError("Input.RoleCode", "Someone else changed this baseline post while you were editing it. The latest values are shown: make your change again.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var years = await assessment.AssessAllYearsAsync(cancellationToken);
        TempData["Success"] = $"Baseline post saved for {Pcn}. Claims in {years} financial year(s) were assessed again.";
        return Redirect($"/claims/baseline?pcn={Pcn}");
    }

    private void Fill(ArrsBaseline post)
    {
        Input = new BaselinePostForm
        {
            RoleCode = post.RoleCode,
            Wte = post.Wte.ToString("0.##", CultureInfo.InvariantCulture),
            StaffRef = post.StaffRef,
            VacantFrom = DateParts.From(post.VacantFrom),
            RefilledOn = DateParts.From(post.RefilledOn),
            SignedOffOn = DateParts.From(post.SignedOffOn),
        };
        SeenVersion = post.Version;
    }

    private async Task<ArrsBaseline?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Roles = (await reference.LoadAsync(cancellationToken)).Roles.OrderBy(r => r.Name).Select(r => (r.Code, r.Name)).ToList();
        ArrsBaseline? post = null;
        if (id != "add")
        {
            Id = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1;
            post = await db.ArrsBaselines.Include(b => b.Pcn).SingleOrDefaultAsync(b => b.Id == number, cancellationToken);
            Pcn = post?.Pcn?.Code;
        }

        Pcn = Pcn?.Trim().ToUpperInvariant();
        PcnName = Pcn is null ? "" : await db.Pcns.Where(p => p.Code == Pcn).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        return post;
    }
}

public sealed class BaselinePostForm
{
    public string? RoleCode { get; set; }

    public string? Wte { get; set; }

    public string? StaffRef { get; set; }

    public DateParts VacantFrom { get; set; } = new();

    public DateParts RefilledOn { get; set; } = new();

    public DateParts SignedOffOn { get; set; } = new();

    internal IReadOnlySet<string> KnownRoles { get; set; } = new HashSet<string>();

    internal static decimal? Number(string? text) => decimal.TryParse(text?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
}

public sealed class BaselinePostFormValidator : AbstractValidator<BaselinePostForm>
{
    public BaselinePostFormValidator()
    {
        RuleFor(f => f.RoleCode).Must((f, r) => r is not null && f.KnownRoles.Contains(r)).WithMessage("Select the role");
        RuleFor(f => f.Wte).Must(w => FormValues.TryParseWte(w, out _)).WithMessage(FormValues.WteMessage);
        RuleFor(f => f.StaffRef).MaximumLength(50).WithMessage("The staff reference must be 50 characters or fewer");
        RuleFor(f => f.VacantFrom).ValidDate("the first day the post was empty", required: false);
        RuleFor(f => f.RefilledOn).ValidDate("the day the post was filled again", required: false);
        RuleFor(f => f.RefilledOn)
            .Must((f, r) => r.IsEmpty || (f.VacantFrom.Date is { } vacant && r.Date is { } refilled && refilled > vacant))
            .When(f => (f.RefilledOn.IsEmpty || f.RefilledOn.Date is not null) && (f.VacantFrom.IsEmpty || f.VacantFrom.Date is not null))
            .WithMessage("A post can be refilled only after the date it fell vacant: enter the vacancy date, and a refilled date after it");
        RuleFor(f => f.SignedOffOn).ValidDate("the clinical director's sign-off date", required: false);
    }
}
