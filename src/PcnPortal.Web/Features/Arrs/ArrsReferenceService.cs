using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>
/// The ARRS reference data (roles, effective-dated rates, ARR Sum methods, role limits) held in the database.
/// The published figures (<see cref="PublishedArrsSchedule"/>) are written the first time the tables are found
/// empty, whether or not demo data is on, so a real deployment has them without a code change or a migration.
/// </summary>
public sealed class ArrsReferenceService(PortalDbContext db)
{
    public async Task EnsureSeededAsync(CancellationToken cancellationToken = default)
    {
        if (await db.ArrsRoles.AnyAsync(cancellationToken))
        {
            return;
        }

        db.ArrsRoles.AddRange(PublishedArrsSchedule.Roles().Select(r => new ArrsRole
        {
            Code = r.Code,
            Name = r.Name,
            AfcBand = r.AfcBand,
            ReimbursableFrom = r.ReimbursableFrom,
            Source = r.Source,
        }));
        db.ArrsRateEntries.AddRange(PublishedArrsSchedule.Rates().Select(r => new RoleRateEntry
        {
            RoleCode = r.RoleCode,
            EffectiveFrom = r.EffectiveFrom,
            AreaTier = r.AreaTier,
            ReimbursementRate = r.ReimbursementRate,
            MaxReimbursablePerWteYear = r.MaxReimbursablePerWteYear,
            Status = r.Status,
            CarriedForwardFrom = r.CarriedForwardFrom,
            Source = r.Source,
        }));
        db.ArrSumMethods.AddRange(PublishedArrsSchedule.ArrSumMethods().Select(m => new ArrSumMethod
        {
            FinancialYearStart = m.FinancialYearStart,
            Kind = m.Kind,
            RatePerWeightedPatient = m.RatePerWeightedPatient,
            GpRatePerWeightedPatient = m.GpRatePerWeightedPatient,
            MonthsFunded = m.MonthsFunded,
            BandRoleCodes = m.BandRoleCodes,
            DoubleFromPopulation = m.DoubleFromPopulation,
            TripleFromPopulation = m.TripleFromPopulation,
            Status = m.Status,
            CarriedForwardFrom = m.CarriedForwardFrom,
            Rounded = m.Rounded,
            Source = m.Source,
        }));
        db.ArrsRoleLimits.AddRange(PublishedArrsSchedule.RoleLimits().Select(l => new ArrsRoleLimit
        {
            RoleCode = l.RoleCode,
            FromFinancialYearStart = l.FromFinancialYearStart,
            MaxWte = l.MaxWte,
            MaxWteAtOrAboveThreshold = l.MaxWteAtOrAboveThreshold,
            PopulationThreshold = l.PopulationThreshold,
            Status = l.Status,
            CarriedForwardFrom = l.CarriedForwardFrom,
            Source = l.Source,
        }));
        var actor = db.ActorOverride;
        db.ActorOverride ??= "reference-data-seed";
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first requests may race: if the other one wrote the published figures, all is well.
            if (!await OtherSeederWonAsync(cancellationToken))
            {
                throw;
            }
        }
        finally
        {
            db.ActorOverride = actor;
        }
    }

    public async Task<ArrsReferenceData> LoadAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSeededAsync(cancellationToken);
        var roles = await db.ArrsRoles.AsNoTracking().OrderBy(r => r.ReimbursableFrom).ThenBy(r => r.Name).ToListAsync(cancellationToken);
        var rates = await db.ArrsRateEntries.AsNoTracking().ToListAsync(cancellationToken);
        var methods = await db.ArrSumMethods.AsNoTracking().ToListAsync(cancellationToken);
        var limits = await db.ArrsRoleLimits.AsNoTracking().ToListAsync(cancellationToken);
        return new ArrsReferenceData(roles, rates, methods, limits);
    }

    private async Task<bool> OtherSeederWonAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.ArrsRoles.AnyAsync(cancellationToken);
    }
}
