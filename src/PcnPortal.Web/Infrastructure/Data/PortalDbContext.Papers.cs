using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Papers;

namespace PcnPortal.Web.Infrastructure.Data;

public abstract partial class PortalDbContext
{
    public DbSet<CommitteeMeeting> CommitteeMeetings => Set<CommitteeMeeting>();

    public DbSet<CommitteePaper> CommitteePapers => Set<CommitteePaper>();

    public DbSet<PaperSection> PaperSections => Set<PaperSection>();

    public DbSet<PaperRisk> PaperRisks => Set<PaperRisk>();

    public DbSet<FinalisedPaperVersion> FinalisedPaperVersions => Set<FinalisedPaperVersion>();

    public DbSet<GlossaryTerm> GlossaryTerms => Set<GlossaryTerm>();

    public DbSet<DesFundingRate> DesFundingRates => Set<DesFundingRate>();
}
