using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Features.Access;

/// <summary>
/// The contracts team records a PCN's adjusted population as at a date (enhanced access is 60 minutes a week per 1,000 of
/// it). One figure a PCN and date: entering the same date again replaces it (audited).
/// </summary>
public sealed class AccessPopulationService(PortalDbContext db)
{
    public async Task<FormResult> RecordAsync(string pcnCode, DateOnly asAt, int population, string source, CancellationToken cancellationToken)
    {
        var pcnId = await db.Pcns.Where(p => p.Code == pcnCode).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (pcnId is null)
        {
            return FormResult.Fail("", $"{pcnCode} is not a PCN the portal knows.");
        }

        var held = await db.PcnAdjustedPopulations.SingleOrDefaultAsync(a => a.PcnId == pcnId && a.AsAt == asAt, cancellationToken);
        if (held is null)
        {
            db.PcnAdjustedPopulations.Add(new Domain.Access.PcnAdjustedPopulation { PcnId = pcnId.Value, AsAt = asAt, Population = population, Source = source });
        }
        else
        {
            held.Population = population;
            held.Source = source;
        }

        await db.SaveChangesAsync(cancellationToken);
        return FormResult.Success;
    }
}
