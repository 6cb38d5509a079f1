using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;

namespace PcnPortal.Web.Infrastructure.Data;

public abstract partial class PortalDbContext
{
    public DbSet<ArrsRole> ArrsRoles => Set<ArrsRole>();

    public DbSet<RoleRateEntry> ArrsRateEntries => Set<RoleRateEntry>();

    public DbSet<ArrSumMethod> ArrSumMethods => Set<ArrSumMethod>();

    public DbSet<ArrsRoleLimit> ArrsRoleLimits => Set<ArrsRoleLimit>();

    public DbSet<ArrsBaseline> ArrsBaselines => Set<ArrsBaseline>();

    public DbSet<ArrsStaffMember> ArrsStaff => Set<ArrsStaffMember>();

    public DbSet<ArrsClaimLine> ArrsClaimLines => Set<ArrsClaimLine>();

    public DbSet<ArrsClaimOutcome> ArrsClaimOutcomes => Set<ArrsClaimOutcome>();

    public DbSet<ArrsAssessedContext> ArrsAssessedContexts => Set<ArrsAssessedContext>();

    public DbSet<ArrsPcnAreaTier> ArrsPcnAreaTiers => Set<ArrsPcnAreaTier>();
}
