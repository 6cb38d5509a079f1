using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.OdFunds;

namespace PcnPortal.Web.Infrastructure.Data;

public abstract partial class PortalDbContext
{
    public DbSet<OdFundRecord> OdFunds => Set<OdFundRecord>();

    public DbSet<OdFundSourceRecord> OdFundSources => Set<OdFundSourceRecord>();

    public DbSet<OdAllocationVersion> OdAllocationVersions => Set<OdAllocationVersion>();

    public DbSet<OdAllocationShare> OdAllocationShares => Set<OdAllocationShare>();

    public DbSet<OdPanelMember> OdPanelMembers => Set<OdPanelMember>();

    public DbSet<OdDeclaredInterest> OdDeclaredInterests => Set<OdDeclaredInterest>();

    public DbSet<OdEoi> OdEois => Set<OdEoi>();

    public DbSet<OdEoiLine> OdEoiLines => Set<OdEoiLine>();

    public DbSet<OdPanelDecisionRecord> OdPanelDecisions => Set<OdPanelDecisionRecord>();

    public DbSet<OdPayment> OdPayments => Set<OdPayment>();
}
