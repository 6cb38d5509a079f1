using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>
/// Adds the published ARRS figures (<see cref="PublishedArrsSchedule"/>: roles, rates, ARR Sum methods, role limits) at
/// start-up when the database has no ARRS role yet, whether or not demo data is on, so a real deployment has them without
/// a code change or a migration (ADR 0007). Administrators' later changes are never overwritten.
/// </summary>
public sealed class ArrsReferenceDataSeeder : IReferenceDataSeeder
{
    public async Task EnsureAsync(PortalDbContext db, CancellationToken cancellationToken)
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
            CarriedForward = r.CarriedForward,
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
            CarriedForward = m.CarriedForward,
            Source = m.Source,
        }));
        db.ArrsRoleLimits.AddRange(PublishedArrsSchedule.RoleLimits().Select(l => new ArrsRoleLimit
        {
            RoleCode = l.RoleCode,
            FromFinancialYearStart = l.FromFinancialYearStart,
            MaxWte = l.MaxWte,
            MaxWteAtOrAboveThreshold = l.MaxWteAtOrAboveThreshold,
            PopulationThreshold = l.PopulationThreshold,
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
            // Two instances starting together may race: if the other one wrote the published figures, all is well.
            if (!await OtherSeederWonAsync(db, cancellationToken))
            {
                throw;
            }
        }
        finally
        {
            db.ActorOverride = actor;
        }
    }

    private static async Task<bool> OtherSeederWonAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.ArrsRoles.AnyAsync(cancellationToken);
    }
}
