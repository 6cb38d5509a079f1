using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Maturity;

namespace PcnPortal.Web.Infrastructure.Data;

public abstract partial class PortalDbContext
{
    public DbSet<MatrixVersion> MatrixVersions => Set<MatrixVersion>();

    public DbSet<MatrixDescriptor> MatrixDescriptors => Set<MatrixDescriptor>();

    public DbSet<AssessmentRound> AssessmentRounds => Set<AssessmentRound>();

    public DbSet<MaturityReturn> MaturityReturns => Set<MaturityReturn>();

    public DbSet<MaturityAnswer> MaturityAnswers => Set<MaturityAnswer>();
}
