using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>
/// Administrator changes to the ARRS reference data. Each change is one save (audited automatically), then the
/// financial years it touches are re-assessed, so a backdated uplift shows on the lines as "was £X".
/// </summary>
public sealed class ArrsReferenceDataService(PortalDbContext db, ArrsAssessmentService assessment)
{
    /// <summary>Adds an effective-dated rate entry; returns the number of years re-assessed.</summary>
    public async Task<int> AddRateAsync(RoleRateEntry entry, CancellationToken cancellationToken = default)
    {
        db.ArrsRateEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return await ReassessFromAsync(FinancialYear.Containing(entry.EffectiveFrom), cancellationToken);
    }

    /// <summary>Changes a rate entry; false when it no longer exists.</summary>
    public async Task<int?> UpdateRateAsync(int id, DateOnly effectiveFrom, AreaTier tier, decimal rate, decimal? maximum, string source, CancellationToken cancellationToken = default)
    {
        var entry = await db.ArrsRateEntries.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        var earliest = effectiveFrom < entry.EffectiveFrom ? effectiveFrom : entry.EffectiveFrom;
        entry.EffectiveFrom = effectiveFrom;
        entry.AreaTier = tier;
        entry.ReimbursementRate = rate;
        entry.MaxReimbursablePerWteYear = maximum;
        entry.CarriedForward = false;
        entry.Source = source;
        await db.SaveChangesAsync(cancellationToken);
        return await ReassessFromAsync(FinancialYear.Containing(earliest), cancellationToken);
    }

    /// <summary>Adds the ARR Sum method for a year that has none yet.</summary>
    public async Task<int> AddArrSumMethodAsync(ArrSumMethod method, CancellationToken cancellationToken = default)
    {
        db.ArrSumMethods.Add(method);
        await db.SaveChangesAsync(cancellationToken);
        return await ReassessFromAsync(new FinancialYear(method.FinancialYearStart), cancellationToken);
    }

    /// <summary>Re-assesses every year with claim lines from <paramref name="from"/> on (later years may carry the change forward).</summary>
    private async Task<int> ReassessFromAsync(FinancialYear from, CancellationToken cancellationToken)
    {
        var years = await db.ArrsClaimLines.Where(l => l.FinancialYearStart >= from.StartYear).Select(l => l.FinancialYearStart).Distinct().ToListAsync(cancellationToken);
        foreach (var start in years.Order())
        {
            await assessment.AssessYearAsync(new FinancialYear(start), cancellationToken);
        }

        return years.Count;
    }
}
