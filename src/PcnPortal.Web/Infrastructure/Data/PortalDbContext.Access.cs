using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Access;

namespace PcnPortal.Web.Infrastructure.Data;

public abstract partial class PortalDbContext
{
    public DbSet<AccessRequirementFigure> AccessRequirementFigures => Set<AccessRequirementFigure>();

    public DbSet<AccessPlan> AccessPlans => Set<AccessPlan>();

    public DbSet<AccessPlanSession> AccessPlanSessions => Set<AccessPlanSession>();

    public DbSet<AccessDeclaration> AccessDeclarations => Set<AccessDeclaration>();

    public DbSet<AccessDeclarationMonth> AccessDeclarationMonths => Set<AccessDeclarationMonth>();

    public DbSet<PcnAdjustedPopulation> PcnAdjustedPopulations => Set<PcnAdjustedPopulation>();
}
