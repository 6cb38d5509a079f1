using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Access;
using PcnPortal.Web.Features.Access;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Access.Plans;

/// <summary>A PCN submits its extended hours or enhanced access plan: sessions by day, time, site and clinician type.</summary>
[Authorize(Policy = PortalPolicies.PcnUser)]
public sealed class NewModel(PortalDbContext db, PcnScope scope, AccessPlanService plans, AccessRequirementQuery requirements, TimeProvider clock, IValidator<PlanForm> validator) : PageModel
{
    public const int Rows = 10;

    [BindProperty]
    public PlanForm Input { get; set; } = new();

    public string PcnCode { get; private set; } = "";

    public string PcnName { get; private set; } = "";

    public IReadOnlyList<(string Code, string Name)> Practices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!scope.IsOwn(code))
        {
            return Forbid();
        }

        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        // Start from the latest plan's sessions, so a re-plan changes only what changed.
        var latest = await db.AccessPlans.AsNoTracking().Include(p => p.Sessions).Where(p => p.Pcn!.Code == code).OrderByDescending(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        Input.EffectiveFrom = DateParts.From(clock.Today());
        Input.Sessions = [.. (latest?.Sessions ?? []).OrderBy(s => (int)(s.Day + 6) % 7).ThenBy(s => s.Start)
            .Select(s => new SessionRow { Day = s.Day.ToString(), Start = AccessDisplay.Time(s.Start), End = AccessDisplay.Time(s.End), PracticeCode = s.PracticeCode, ClinicianType = s.ClinicianType })];
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!scope.IsOwn(code))
        {
            return Forbid();
        }

        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            Pad();
            return this.PageWithErrors(validation);
        }

        var sessions = Input.Sessions.Select((s, i) => (Row: s, Index: i)).Where(x => !x.Row.IsBlank)
            .Select(x => new PlanSessionInput(Enum.Parse<DayOfWeek>(x.Row.Day!), PlanForm.ParseTime(x.Row.Start)!.Value, PlanForm.ParseTime(x.Row.End)!.Value, x.Row.PracticeCode!, x.Row.ClinicianType!))
            .ToList();
        var result = await plans.SubmitAsync(code, Input.EffectiveFrom.Date!.Value, sessions, cancellationToken);
        if (!result.Succeeded)
        {
            // Keys name the session among the non-blank rows; map them back to the rows as typed.
            var rows = Input.Sessions.Select((s, i) => (s, i)).Where(x => !x.s.IsBlank).Select(x => x.i).ToList();
            Pad();
            return this.PageWithErrors(result.Errors.Select(e => e.Key.StartsWith("Sessions[", StringComparison.Ordinal)
                ? e with { Key = $"Sessions[{rows[int.Parse(e.Key[9..e.Key.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture)]}]{e.Key[(e.Key.IndexOf(']', StringComparison.Ordinal) + 1)..]}" }
                : e));
        }

        TempData["Success"] = "Your plan is submitted. The contracts team will approve it or return it with a reason.";
        return Redirect($"/access/plans/{result.Value}");
    }

    private void Pad()
    {
        while (Input.Sessions.Count < Rows)
        {
            Input.Sessions.Add(new SessionRow());
        }
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var pcn = await db.Pcns.AsNoTracking().Where(p => p.Code == code).Select(p => new { p.Id, p.Code, p.Name }).SingleOrDefaultAsync(cancellationToken);
        if (pcn is null)
        {
            return false;
        }

        PcnCode = pcn.Code;
        PcnName = pcn.Name;
        var data = await requirements.LoadAsync([pcn.Id], cancellationToken);
        var codes = data.PracticesOn(pcn.Id, clock.Today());
        var names = await db.Practices.AsNoTracking().Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Name, cancellationToken);
        Practices = [.. codes.Select(c => (c, names.GetValueOrDefault(c, c)))];
        return true;
    }
}

public sealed class PlanForm
{
    public DateParts EffectiveFrom { get; set; } = new();

    public List<SessionRow> Sessions { get; set; } = [];

    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim().Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}

public sealed class SessionRow
{
    public string? Day { get; set; }

    public string? Start { get; set; }

    public string? End { get; set; }

    public string? PracticeCode { get; set; }

    public string? ClinicianType { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Start) && string.IsNullOrWhiteSpace(End)
        && string.IsNullOrWhiteSpace(PracticeCode) && string.IsNullOrWhiteSpace(ClinicianType);
}

public sealed class PlanFormValidator : AbstractValidator<PlanForm>
{
    public PlanFormValidator()
    {
        RuleFor(f => f.EffectiveFrom).ValidDate("the date the plan starts");
        RuleFor(f => f.Sessions).Must(s => s.Any(r => !r.IsBlank)).WithMessage("Enter at least one session.");
        RuleFor(f => f.Sessions).Must(s => s.Count <= 50).WithMessage("Enter no more than 50 sessions.");
        RuleForEach(f => f.Sessions).SetValidator(new SessionRowValidator());
    }
}

public sealed class SessionRowValidator : AbstractValidator<SessionRow>
{
    public SessionRowValidator()
    {
        When(r => !r.IsBlank, () =>
        {
            RuleFor(r => r.Day).Must(d => Enum.TryParse<DayOfWeek>(d, out var day) && Enum.IsDefined(day) && !int.TryParse(d, out _)).WithMessage("Choose the day of the week.");
            RuleFor(r => r.Start).Must(t => PlanForm.ParseTime(t) is not null).WithMessage("Enter the start time as hours and minutes, for example 18:30.");
            RuleFor(r => r.End).Must(t => PlanForm.ParseTime(t) is not null).WithMessage("Enter the end time as hours and minutes, for example 20:00.");
            RuleFor(r => r.End)
                .Must((r, end) => PlanForm.ParseTime(end) > PlanForm.ParseTime(r.Start)).WithMessage("The end time must be after the start time.")
                .Must((r, end) => AccessHours.Length(PlanForm.ParseTime(r.Start)!.Value, PlanForm.ParseTime(end)!.Value) >= AccessHours.MinimumSessionMinutes)
                .WithMessage($"A session must be a continuous period of at least {AccessHours.MinimumSessionMinutes} minutes.")
                .When(r => PlanForm.ParseTime(r.Start) is not null && PlanForm.ParseTime(r.End) is not null);
            RuleFor(r => r.PracticeCode).NotEmpty().WithMessage("Choose the member practice the session is held at.");
            RuleFor(r => r.ClinicianType).Must(t => AccessPlanService.ClinicianTypes.Contains(t)).WithMessage("Choose who holds the session.");
        });
    }
}
