using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Auditing;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Infrastructure.Data;

/// <summary>
/// The portal's one database context. Provider-specific subclasses (<see cref="SqlitePortalDbContext"/>,
/// <see cref="SqlServerPortalDbContext"/>) carry their own migrations; features add their sets in partial files
/// and their mappings as <see cref="IEntityTypeConfiguration{TEntity}"/> classes in this assembly.
/// Every save writes audit rows (who, when, entity, key, before, after) in the same transaction, one per changed entity,
/// with <see cref="AuditWriter"/> (plain INSERT commands: audit rows are not tracked, so a bulk import pays little for them).
/// </summary>
public abstract partial class PortalDbContext : IdentityDbContext<PortalUser, IdentityRole, string>, IDataProtectionKeyContext
{
    private readonly IAuditActor? _actor;
    private readonly TimeProvider _clock;

    protected PortalDbContext(DbContextOptions options, IAuditActor? actor, TimeProvider? clock)
        : base(options)
    {
        _actor = actor;
        _clock = clock ?? TimeProvider.System;
    }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Locality> Localities => Set<Locality>();

    public DbSet<Pcn> Pcns => Set<Pcn>();

    public DbSet<Practice> Practices => Set<Practice>();

    public DbSet<PcnMembership> PcnMemberships => Set<PcnMembership>();

    public DbSet<PracticeListSize> PracticeListSizes => Set<PracticeListSize>();

    public DbSet<ClinicalDirector> ClinicalDirectors => Set<ClinicalDirector>();

    /// <summary>When set, audit rows name this actor instead of the signed-in user (command-line verbs, seeding).</summary>
    public string? ActorOverride { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
            {
                builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        BumpVersions();
        var pending = AuditRecorder.Capture(ChangeTracker);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var actor = ActorOverride ?? _actor?.Name ?? "system";
        var actorId = ActorOverride is null ? _actor?.UserId : null;
        var now = _clock.GetUtcNow().UtcDateTime;
        var entries = pending.Select(p => p.ToEntry(actor, actorId, now)).ToList();
        await AuditWriter.InsertAsync(this, entries, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return written;
    }

    /// <summary>
    /// Inserts new rows of one entity type with <see cref="ModelRowWriter"/> (keys set by the caller, nothing tracked)
    /// and their audit rows, the same "Added" rows <see cref="SaveChangesAsync(bool, CancellationToken)"/> would write,
    /// in the current transaction. For bulk writes such as a national claims file (ADR 0014).
    /// </summary>
    internal async Task InsertAuditedAsync<TEntity>(IReadOnlyList<TEntity> rows, int rowsPerCommand, CancellationToken cancellationToken)
        where TEntity : class
    {
        await ModelRowWriter.InsertAsync(this, rows, rowsPerCommand, cancellationToken, withKeys: true);
        var actor = ActorOverride ?? _actor?.Name ?? "system";
        var actorId = ActorOverride is null ? _actor?.UserId : null;
        var now = _clock.GetUtcNow().UtcDateTime;
        var entries = new List<AuditEntry>(rows.Count);
        foreach (var row in rows)
        {
            entries.Add(AuditRecorder.Added(Entry(row)).ToEntry(actor, actorId, now));
        }

        await AuditWriter.InsertAsync(this, entries, cancellationToken);
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }
    }
}
