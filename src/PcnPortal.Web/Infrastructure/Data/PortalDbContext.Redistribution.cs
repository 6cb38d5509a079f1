using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Redistribution;

namespace PcnPortal.Web.Infrastructure.Data;

public abstract partial class PortalDbContext
{
    public DbSet<RedistributionRound> RedistributionRounds => Set<RedistributionRound>();

    public DbSet<RedistributionPoolEntry> RedistributionPoolEntries => Set<RedistributionPoolEntry>();

    public DbSet<RedistributionBid> RedistributionBids => Set<RedistributionBid>();

    public DbSet<RedistributionReduction> RedistributionReductions => Set<RedistributionReduction>();
}
