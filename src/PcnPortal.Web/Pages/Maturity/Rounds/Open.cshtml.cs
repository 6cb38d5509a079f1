using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Maturity;
using PcnPortal.Web.Infrastructure.Configuration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Maturity.Rounds;

[Authorize(Policy = PortalPolicies.Commissioner)]
public sealed class OpenModel(MaturityRoundService rounds, PortalDbContext db, PortalOptions portal, ICurrentUser currentUser, IValidator<OpenModel.OpenRoundForm> validator) : PageModel
{
    [BindProperty]
    public OpenRoundForm Input { get; set; } = new();

    public List<(int Id, string Name)> Versions { get; private set; } = [];

    public IReadOnlyList<string> CcgCodes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var year = FinancialYear.Containing(rounds.Today);
        Input.Year = year.ToString();
        Input.MatrixVersionId = Versions.Count > 0 ? Versions[0].Id : 0;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (validation.IsValid)
        {
            FinancialYear.TryParse(Input.Year, out var year);
            var due = Input.Due.Date!.Value;
            var opened = await rounds.OpenAsync(year, due, Input.MatrixVersionId, currentUser.Name, cancellationToken);
            if (opened.Value is { } round)
            {
                TempData["Success"] = $"The {year} round is open: {round.Returns.Count} PCNs have been asked for a return by {due:d MMMM yyyy}.";
                return Redirect($"/maturity/rounds/{round.Id}");
            }

            ModelState.AddErrors(opened.Errors);
        }

        ModelState.AddErrors(validation);
        await LoadAsync(cancellationToken);
        return this.PageWithErrors();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CcgCodes = portal.CcgCodes;
        var versions = await db.MatrixVersions.AsNoTracking().OrderByDescending(v => v.FromYear ?? 0).ThenByDescending(v => v.Id)
            .Select(v => new { v.Id, v.Name }).ToListAsync(cancellationToken);
        Versions = [.. versions.Select(v => (v.Id, v.Name))];
    }

    public sealed class OpenRoundForm
    {
        public string? Year { get; set; }

        public DateParts Due { get; set; } = new();

        public int MatrixVersionId { get; set; }
    }

    public sealed class OpenRoundFormValidator : AbstractValidator<OpenRoundForm>
    {
        public OpenRoundFormValidator()
        {
            RuleFor(f => f.Year).Must(y => FinancialYear.TryParse(y, out _)).WithMessage("Enter the financial year in the format 2021/22");
            RuleFor(f => f.Due).ValidDate("the date returns are due");
            RuleFor(f => f.Due).Must(d => d.Date is not { } due || due.Year >= 2000).WithMessage("The date returns are due must be a real date");
        }
    }
}
