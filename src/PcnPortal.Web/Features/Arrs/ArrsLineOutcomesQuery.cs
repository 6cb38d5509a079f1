using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>
/// A claim line's rule outcomes as the rules engine gave them at its latest assessment: written again from the line's
/// stored checks and running totals and the PCN's context it was assessed with (<see cref="ArrsOutcomeExplainer"/>,
/// docs/decisions/0014-compact-claim-outcomes.md), or, for a line last assessed before outcomes were kept that way, its
/// stored outcome rows. In <see cref="ArrsAssessment.RuleCodes"/> order. Three queries at most: reference data, context.
/// </summary>
public sealed class ArrsLineOutcomesQuery(PortalDbContext db, ArrsReferenceService reference)
{
    /// <param name="line">The line, with its stored figures and checks.</param>
    /// <param name="pcnCode">The line's PCN code.</param>
    public async Task<IReadOnlyList<RuleOutcome>> ForLineAsync(ArrsClaimLine line, string pcnCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.RuleChecks is null || line.RuleTotals is null)
        {
            var rows = await db.ArrsClaimOutcomes.AsNoTracking().Where(o => o.ClaimLineId == line.Id).ToListAsync(cancellationToken);
            return [.. rows
                .OrderBy(o => ArrsAssessment.RuleCodes.ToList().IndexOf(o.Code))
                .Select(o => new RuleOutcome(o.Code, o.Severity, o.Explanation, JsonSerializer.Deserialize<Dictionary<string, string>>(o.FiguresJson) ?? []))];
        }

        var data = await reference.LoadAsync(cancellationToken);
        var json = line.AssessedContextId is { } id
            ? await db.ArrsAssessedContexts.AsNoTracking().Where(c => c.Id == id).Select(c => c.ContextJson).FirstOrDefaultAsync(cancellationToken)
            : null;
        var explainer = new ArrsOutcomeExplainer(data, new FinancialYear(line.FinancialYearStart));
        var input = new ClaimLineInput(
            pcnCode, line.StaffRef, line.StaffName, line.RoleCode, line.Month, line.Wte, line.StartDate, line.EndDate, line.Salary, line.EmployerNi,
            line.EmployerPension, line.OtherOnCosts, line.ThirdPartyFee, line.Sequence, line.TransferredFromClinicalPharmacistScheme, line.ThirdPartySplw, line.Cover);
        return explainer.Explain(input, line.Reimbursable, ArrsStoredAssessment.Parse(line.RuleChecks, line.RuleTotals), ArrsAssessmentService.ReadContext(json));
    }
}
