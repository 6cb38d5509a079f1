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

namespace PcnPortal.Web.Pages.Access.Declarations;

/// <summary>A PCN declares a quarter's appointments by month; the page shows the minutes required each month beside them.</summary>
[Authorize(Policy = PortalPolicies.PcnUser)]
public sealed class DeclareModel(PortalDbContext db, PcnScope scope, AccessDeclarationService declarations, AccessQueries queries, TimeProvider clock, IValidator<DeclarationForm> validator) : PageModel
{
    [BindProperty]
    public DeclarationForm Input { get; set; } = new();

    public AccessQuarter Quarter { get; private set; }

    public AccessQuarterView View { get; private set; } = null!;

    public string PcnName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, string quarter, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(code, quarter, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        Input.Months = [.. View.Months.Select(m => m.Declared is { } d
            ? new MonthRow { Offered = Text(d.Offered), Booked = Text(d.Booked), Attended = Text(d.Attended), DidNotAttend = Text(d.DidNotAttend), MinutesDelivered = Text(d.MinutesDelivered) }
            : new MonthRow())];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string quarter, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(code, quarter, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation);
        }

        var months = Input.Months.Select((m, i) => new AccessMonthFigures(Quarter.Months[i], MonthRow.Count(m.Offered), MonthRow.Count(m.Booked), MonthRow.Count(m.Attended), MonthRow.Count(m.DidNotAttend), MonthRow.Count(m.MinutesDelivered))).ToList();
        var result = await declarations.DeclareQuarterAsync(code, Quarter, months, cancellationToken);
        if (!result.Succeeded)
        {
            return this.PageWithErrors(result.Errors);
        }

        TempData["Success"] = $"Your declaration for {Quarter} is saved.";
        return Redirect($"/access/pcns/{code}?year={Uri.EscapeDataString(Quarter.Year.ToString())}#quarter-{Quarter.Key}");
    }

    private async Task<IActionResult?> LoadAsync(string code, string quarter, CancellationToken cancellationToken)
    {
        if (!scope.IsOwn(code))
        {
            return Forbid();
        }

        if (!AccessQuarter.TryParse(quarter, out var q) || q.LastDay >= clock.Today() || q.LastDay < PublishedAccessSchedule.ExtendedHoursStart)
        {
            return NotFound();
        }

        var pcn = await db.Pcns.AsNoTracking().Where(p => p.Code == code).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(cancellationToken);
        if (pcn is null)
        {
            return NotFound();
        }

        Quarter = q;
        PcnName = pcn.Name;
        View = await queries.QuarterAsync(pcn.Id, code, pcn.Name, q, cancellationToken);
        return null;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

public sealed class DeclarationForm
{
    public List<MonthRow> Months { get; set; } = [];
}

public sealed class MonthRow
{
    public string? Offered { get; set; }

    public string? Booked { get; set; }

    public string? Attended { get; set; }

    public string? DidNotAttend { get; set; }

    public string? MinutesDelivered { get; set; }

    public static bool IsCount(string? text) =>
        int.TryParse(text?.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 1_000_000;

    public static int Count(string? text) => int.Parse(text!.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture);
}

public sealed class DeclarationFormValidator : AbstractValidator<DeclarationForm>
{
    public DeclarationFormValidator()
    {
        RuleFor(f => f.Months).Must(m => m.Count == 3).WithMessage("Enter the figures for each month of the quarter.");
        RuleForEach(f => f.Months).SetValidator(new MonthRowValidator());
    }
}

public sealed class MonthRowValidator : AbstractValidator<MonthRow>
{
    public MonthRowValidator()
    {
        RuleFor(m => m.Offered).Must(MonthRow.IsCount).WithMessage("Enter the appointments offered as a whole number, for example 120.");
        RuleFor(m => m.Booked).Must(MonthRow.IsCount).WithMessage("Enter the appointments booked as a whole number, for example 110.");
        RuleFor(m => m.Attended).Must(MonthRow.IsCount).WithMessage("Enter the appointments attended as a whole number, for example 100.");
        RuleFor(m => m.DidNotAttend).Must(MonthRow.IsCount).WithMessage("Enter the appointments not attended as a whole number, for example 10.");
        RuleFor(m => m.MinutesDelivered).Must(MonthRow.IsCount).WithMessage("Enter the minutes delivered as a whole number, for example 6000.");
        RuleFor(m => m).Custom((m, context) =>
        {
            if (!(MonthRow.IsCount(m.Offered) && MonthRow.IsCount(m.Booked) && MonthRow.IsCount(m.Attended) && MonthRow.IsCount(m.DidNotAttend) && MonthRow.IsCount(m.MinutesDelivered)))
            {
                return;
            }

            foreach (var (field, message) in AccessDeclarationChecks.Check(MonthRow.Count(m.Offered), MonthRow.Count(m.Booked), MonthRow.Count(m.Attended), MonthRow.Count(m.DidNotAttend), MonthRow.Count(m.MinutesDelivered)))
            {
                var property = field switch { "booked" => nameof(MonthRow.Booked), "attended" => nameof(MonthRow.Attended), _ => nameof(MonthRow.Offered) };
                context.AddFailure(property, message);
            }
        });
    }
}
