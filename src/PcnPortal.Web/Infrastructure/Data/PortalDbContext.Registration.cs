using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Registration;

namespace PcnPortal.Web.Infrastructure.Data;

public abstract partial class PortalDbContext
{
    public DbSet<PcnChangeRequest> PcnChangeRequests => Set<PcnChangeRequest>();
}
