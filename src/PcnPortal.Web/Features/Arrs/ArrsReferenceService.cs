using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>
/// Reads the ARRS reference data (roles, effective-dated rates, ARR Sum methods, role limits) held in the database. It never
/// writes: the published figures are added at start-up by <see cref="ArrsReferenceDataSeeder"/>, and administrators change
/// them through <see cref="ArrsReferenceDataService"/>.
/// </summary>
public sealed class ArrsReferenceService(PortalDbContext db)
{
    public async Task<ArrsReferenceData> LoadAsync(CancellationToken cancellationToken = default)
    {
        var roles = await db.ArrsRoles.AsNoTracking().OrderBy(r => r.ReimbursableFrom).ThenBy(r => r.Name).ToListAsync(cancellationToken);
        var rates = await db.ArrsRateEntries.AsNoTracking().ToListAsync(cancellationToken);
        var methods = await db.ArrSumMethods.AsNoTracking().ToListAsync(cancellationToken);
        var limits = await db.ArrsRoleLimits.AsNoTracking().ToListAsync(cancellationToken);
        return new ArrsReferenceData(roles, rates, methods, limits);
    }
}
