using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Arrs.Redistribution;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>
/// Runs the rules engine over a whole financial year (every PCN: one person's WTE is checked across PCNs) and
/// stores each line's figures and what is kept of its rule outcomes. Rejected lines take no part. When a re-assessment
/// changes a line's reimbursable amount (for example a backdated uplift) the old figure is kept in
/// <see cref="ArrsClaimLine.PreviousReimbursable"/> and the audit log records the change.
/// <para>
/// The year's lines are read as untracked inputs, new lines (a submission) are added to them before the engine runs
/// once, and the results are written in chunks of <see cref="ChunkSize"/> lines inside one transaction (the caller's,
/// or its own), so a national year (≈624,000 lines) is still all or nothing. A new line is written once, with its
/// figures and checks, by a prepared batched INSERT, with one audit row holding both. A stored line whose figures
/// changed is updated and audited; one whose checks or running totals alone changed is updated without an audit row.
/// Outcomes are kept compactly (<see cref="ArrsClaimLine.RuleChecks"/>, <see cref="ArrsClaimLine.RuleTotals"/> and
/// the PCN's context for the year, <see cref="ArrsAssessedContext"/>, which the line points at) and written out again on read by
/// <see cref="ArrsLineOutcomesQuery"/> (docs/decisions/0014-compact-claim-outcomes.md).
/// </para>
/// </summary>
public sealed class ArrsAssessmentService(PortalDbContext db, ArrsReferenceService reference, PcnYearPopulationQuery populationQuery, TimeProvider clock)
{
    /// <summary>Lines written per save.</summary>
    public const int ChunkSize = 2_000;

    private static readonly JsonSerializerOptions ContextJsonOptions = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private sealed record StoredLine(
        int Id, ClaimLineInput Input, DateTime? AssessedAt, decimal ClaimedCost, decimal MaxForPeriod, decimal Rate, decimal Reimbursable, RuleSeverity WorstOutcome,
        string? RuleChecks, string? RuleTotals, int? AssessedContextId, long Sequence);

    public Task<ArrsAssessment> AssessYearAsync(FinancialYear year, CancellationToken cancellationToken = default) =>
        AssessYearAsync(year, [], null, cancellationToken);

    /// <summary>
    /// Assesses the year with <paramref name="added"/> (new lines of the year, not saved: what the engine reads, with
    /// figures as the database will give them back, <see cref="StoredDecimal"/>) and stores everything: the new lines are
    /// given keys and inserted with their figures and checks, a chunk at a time, as Submitted by <paramref name="submission"/>.
    /// </summary>
    public async Task<ArrsAssessment> AssessYearAsync(FinancialYear year, IReadOnlyList<NewClaimLine> added, ArrsSubmission? submission, CancellationToken cancellationToken)
    {
        var data = await reference.LoadAsync(cancellationToken);
        var lines = await db.ArrsClaimLines.AsNoTracking()
            .Where(l => l.FinancialYearStart == year.StartYear && l.Status != ArrsClaimStatus.Rejected)
            .OrderBy(l => l.Sequence).ThenBy(l => l.Id)
            .Select(l => new StoredLine(
                l.Id,
                new ClaimLineInput(
                    l.Pcn!.Code, l.StaffRef, l.StaffName, l.RoleCode, l.Month, l.Wte, l.StartDate, l.EndDate, l.Salary, l.EmployerNi, l.EmployerPension,
                    l.OtherOnCosts, l.ThirdPartyFee, l.Sequence, l.TransferredFromClinicalPharmacistScheme, l.ThirdPartySplw, l.Cover),
                l.AssessedAt, l.ClaimedCost, l.MaxForPeriod, l.Rate, l.Reimbursable, l.WorstOutcome, l.RuleChecks, l.RuleTotals, l.AssessedContextId, l.Sequence))
            .ToListAsync(cancellationToken);
        var pcnIds = await db.ArrsClaimLines.AsNoTracking()
            .Where(l => l.FinancialYearStart == year.StartYear && l.Status != ArrsClaimStatus.Rejected)
            .Select(l => l.PcnId).Distinct().ToListAsync(cancellationToken);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

        // The batch in the order a later re-assessment reads it (sequence, then key): new lines are given the next keys.
        var batch = new List<BatchLine>(lines.Count + added.Count);
        batch.AddRange(lines.Select(l => new BatchLine(l, l.Id, -1)));
        if (added.Count > 0)
        {
            ArgumentNullException.ThrowIfNull(submission);
            var nextId = await NextClaimLineIdAsync(cancellationToken);
            var known = pcnIds.ToHashSet();
            for (var i = 0; i < added.Count; i++)
            {
                batch.Add(new BatchLine(null, nextId + i, i));
                if (known.Add(added[i].PcnId))
                {
                    pcnIds.Add(added[i].PcnId);
                }
            }

            batch.Sort((a, b) =>
            {
                var bySequence = Sequence(a).CompareTo(Sequence(b));
                return bySequence != 0 ? bySequence : a.Id.CompareTo(b.Id);
            });
        }

        var inputs = batch.Select(b => b.Stored?.Input ?? added[b.Added].Input).ToList();
        return await AssessAndStoreAsync(year, data, new Writes(batch, added, submission), inputs, pcnIds, transaction, cancellationToken);

        long Sequence(BatchLine b) => b.Stored?.Sequence ?? added[b.Added].Input.Sequence;
    }

    private async Task<ArrsAssessment> AssessAndStoreAsync(
        FinancialYear year, ArrsReferenceData data, Writes writes, List<ClaimLineInput> inputs, List<int> pcnIds,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction, CancellationToken cancellationToken)
    {
        var byId = await ContextsByIdAsync(pcnIds, year, cancellationToken);
        var contexts = byId.Values.ToDictionary(c => c.PcnCode, StringComparer.Ordinal);
        var assessment = ArrsAssessor.Assess(inputs, data, contexts, year);
        var contextIds = await StoreContextsAsync(byId, year, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = writes.Batch;
        var large = batch.Count > ChunkSize;
        for (var offset = 0; offset < batch.Count; offset += ChunkSize)
        {
            await StoreChunkAsync(writes, year, offset, Math.Min(ChunkSize, batch.Count - offset), assessment, contextIds, now, cancellationToken);
            if (large)
            {
                db.ChangeTracker.Clear();
            }
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return assessment;
    }

    /// <summary>
    /// The stored context each PCN's lines are assessed with, by PCN code: the PCN's latest for the year when unchanged,
    /// otherwise a new row (rows are never changed, so lines assessed earlier keep theirs).
    /// </summary>
    private async Task<Dictionary<string, int>> StoreContextsAsync(Dictionary<int, PcnYearContext> byId, FinancialYear year, CancellationToken cancellationToken)
    {
        var ids = byId.Keys.ToList();
        var latest = (await db.ArrsAssessedContexts.AsNoTracking().Where(c => c.FinancialYearStart == year.StartYear && ids.Contains(c.PcnId)).ToListAsync(cancellationToken))
            .GroupBy(c => c.PcnId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var added = new List<(string Code, ArrsAssessedContext Row)>();
        foreach (var (pcnId, context) in byId)
        {
            var json = JsonSerializer.Serialize(context, ContextJsonOptions);
            if (latest.TryGetValue(pcnId, out var row) && row.ContextJson == json)
            {
                result[context.PcnCode] = row.Id;
            }
            else
            {
                added.Add((context.PcnCode, new ArrsAssessedContext { PcnId = pcnId, FinancialYearStart = year.StartYear, ContextJson = json }));
            }
        }

        if (added.Count > 0)
        {
            db.ArrsAssessedContexts.AddRange(added.Select(a => a.Row));
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (code, row) in added)
            {
                result[code] = row.Id;
                db.Entry(row).State = EntityState.Detached;
            }
        }

        return result;
    }

    /// <summary>The context a line's PCN was assessed with for the year, as stored (null when none was held).</summary>
    public static PcnYearContext? ReadContext(string? json) => json is null ? null : JsonSerializer.Deserialize<PcnYearContext>(json, ContextJsonOptions);

    /// <summary>
    /// A decimal as the database gives it back: on SQLite a whole number of ten-thousandths (<see cref="ScaledDecimalConverter"/>,
    /// so 4000.00 comes back as 4000); on SQL Server decimal(18, 4), so with four decimal places.
    /// </summary>
    public Func<decimal, decimal> StoredDecimal()
    {
        if (db.Database.IsSqlite())
        {
            var converter = new ScaledDecimalConverter();
            return value => (decimal)converter.ConvertFromProvider((long)converter.ConvertToProvider(value)!)!;
        }

        return value => decimal.Round(value, 4, MidpointRounding.AwayFromZero) + 0.0000m;
    }

    /// <summary>
    /// The first free claim line key, inside the transaction: SQLite holds the write lock for the transaction; on SQL
    /// Server the table is locked until it ends, so no other submission takes the same keys.
    /// </summary>
    private async Task<int> NextClaimLineIdAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlServer())
        {
            var max = await db.Database.SqlQueryRaw<int?>("SELECT MAX([Id]) AS [Value] FROM [ArrsClaimLines] WITH (TABLOCKX, HOLDLOCK)").SingleAsync(cancellationToken);
            return (max ?? 0) + 1;
        }

        return (await db.ArrsClaimLines.MaxAsync(l => (int?)l.Id, cancellationToken) ?? 0) + 1;
    }

    /// <summary>Re-assesses every year that has claim lines (after a reference data change).</summary>
    public async Task<int> AssessAllYearsAsync(CancellationToken cancellationToken = default)
    {
        var years = await db.ArrsClaimLines.Select(l => l.FinancialYearStart).Distinct().ToListAsync(cancellationToken);
        foreach (var start in years.Order())
        {
            await AssessYearAsync(new FinancialYear(start), cancellationToken);
        }

        return years.Count;
    }

    /// <summary>
    /// What the engine knows about each PCN: its population for the year (<see cref="PcnYearPopulationQuery"/>: members
    /// during the year, weighted list sizes as at 1 January before it, older ones warned; none usable means no ARR Sum,
    /// saying what to load), area tier (national unless set), baseline.
    /// </summary>
    public async Task<Dictionary<string, PcnYearContext>> ContextsAsync(IReadOnlyCollection<int> pcnIds, FinancialYear year, CancellationToken cancellationToken) =>
        (await ContextsByIdAsync(pcnIds, year, cancellationToken)).Values.ToDictionary(c => c.PcnCode, StringComparer.Ordinal);

    private async Task<Dictionary<int, PcnYearContext>> ContextsByIdAsync(IReadOnlyCollection<int> pcnIds, FinancialYear year, CancellationToken cancellationToken)
    {
        var populations = await populationQuery.ForPcnsAsync(pcnIds, year, cancellationToken);
        var baselines = (await db.ArrsBaselines.AsNoTracking().Where(b => pcnIds.Contains(b.PcnId)).ToListAsync(cancellationToken)).ToLookup(b => b.PcnId);
        var tiers = await db.ArrsPcnAreaTiers.AsNoTracking().Where(t => pcnIds.Contains(t.PcnId)).ToDictionaryAsync(t => t.PcnId, t => t.Tier, cancellationToken);
        var contexts = populations.ToDictionary(
            p => p.Key,
            p => ArrsPopulation.From(p.Value).ToContext(
                p.Value.PcnCode,
                tiers.GetValueOrDefault(p.Key, AreaTier.National),
                baselines[p.Key].Select(b => b.ToPost()).ToList()));
        await ApplyRedistributionAsync(contexts, year, cancellationToken);
        return contexts;
    }

    /// <summary>
    /// Approved redistribution bids raise the bidding PCN's entitlement for the year, and the reductions recorded against
    /// the giving PCNs lower theirs (ArrsRedistribution.ApplyToContext; ARRS-ENTITLEMENT names both).
    /// </summary>
    private async Task ApplyRedistributionAsync(Dictionary<int, PcnYearContext> contexts, FinancialYear year, CancellationToken cancellationToken)
    {
        var ids = contexts.Keys.ToList();
        var extras = await db.RedistributionBids.AsNoTracking()
            .Where(b => ids.Contains(b.PcnId) && b.Round!.StartYear == year.StartYear && b.ApprovedAmount != null
                && (b.Status == RedistributionBidStatus.ApprovedInFull || b.Status == RedistributionBidStatus.ApprovedInPart))
            .Select(b => new { b.PcnId, Amount = b.ApprovedAmount!.Value })
            .ToListAsync(cancellationToken);
        var given = await db.RedistributionReductions.AsNoTracking()
            .Where(r => ids.Contains(r.GiverPcnId) && db.RedistributionBids.Any(b => b.Id == r.BidId && b.Round!.StartYear == year.StartYear))
            .Select(r => new { r.GiverPcnId, r.Amount })
            .ToListAsync(cancellationToken);
        if (extras.Count == 0 && given.Count == 0)
        {
            return;
        }

        var data = await reference.LoadAsync(cancellationToken);
        foreach (var (id, context) in contexts)
        {
            var extra = extras.Where(e => e.PcnId == id).Sum(e => e.Amount);
            var down = given.Where(g => g.GiverPcnId == id).Sum(g => g.Amount);
            ArrsRedistribution.ApplyToContext(context, data, year, extra, down);
        }
    }

    /// <summary>
    /// Writes one chunk: new lines are inserted with their figures and checks, each with one audit row; stored lines whose
    /// figures changed are loaded (tracked, so a caller's tracked instances are the ones updated) and saved with their audit
    /// rows; stored lines whose checks or running totals alone changed are updated without one. Outcome rows of lines last
    /// assessed before outcomes were kept compactly are removed.
    /// </summary>
    private async Task StoreChunkAsync(
        Writes writes, FinancialYear year, int offset, int count, ArrsAssessment assessment, Dictionary<string, int> contextIds, DateTime now, CancellationToken cancellationToken)
    {
        var changed = new Dictionary<int, int>(); // line id to its place in the batch
        var derived = new List<(int Id, ArrsStoredAssessment Stored, int? ContextId)>();
        var legacyIds = new List<int>();
        var inserts = new List<ArrsClaimLine>();
        for (var i = offset; i < offset + count; i++)
        {
            ref readonly var result = ref assessment[i];
            var stored = assessment.Stored(i);
            int? contextId = contextIds.TryGetValue(assessment.Lines[i].PcnCode, out var found) ? found : null;
            var (line, id, addedIndex) = writes.Batch[i];
            if (line is null)
            {
                var added = writes.NewLine(id, addedIndex, year);
                SetFigures(added, in result, stored, contextId, now);
                inserts.Add(added);
                continue;
            }

            if (line.AssessedAt is null || line.ClaimedCost != result.ClaimedCost || line.MaxForPeriod != result.MaxForPeriod || line.Rate != result.Rate
                || line.Reimbursable != result.Reimbursable || line.WorstOutcome != result.Status)
            {
                changed.Add(line.Id, i);
            }
            else if (line.RuleChecks != stored.Checks || line.RuleTotals != stored.Totals || line.AssessedContextId != contextId)
            {
                derived.Add((line.Id, stored, contextId));
            }

            if (line.RuleChecks is null && line.AssessedAt is not null)
            {
                legacyIds.Add(line.Id);
            }
        }

        if (changed.Count > 0)
        {
            var ids = changed.Keys.ToList();
            var tracked = await db.ArrsClaimLines.Where(l => ids.Contains(l.Id)).ToListAsync(cancellationToken);
            foreach (var entity in tracked)
            {
                var index = changed[entity.Id];
                SetFigures(entity, in assessment[index], assessment.Stored(index), contextIds.TryGetValue(assessment.Lines[index].PcnCode, out var id) ? id : null, now);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        // Only what the explanations quote changed (say, the ARR Sum used by earlier lines): derived data, written
        // without an audit row or a new version, as outcome rows were (ADR 0009).
        foreach (var (id, stored, contextId) in derived)
        {
            var checks = stored.Checks;
            var totals = stored.Totals;
            await db.ArrsClaimLines.Where(l => l.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.RuleChecks, checks).SetProperty(l => l.RuleTotals, totals).SetProperty(l => l.AssessedContextId, contextId), cancellationToken);
        }

        if (legacyIds.Count > 0)
        {
            await db.ArrsClaimOutcomes.Where(o => legacyIds.Contains(o.ClaimLineId)).ExecuteDeleteAsync(cancellationToken);
        }

        // New lines: one row a command on SQLite (a prepared statement); on SQL Server as many rows as stay under its
        // 2,100 parameters.
        if (inserts.Count > 0)
        {
            await db.InsertAuditedAsync(inserts, ClaimLineRowsPerCommand(db), cancellationToken);
        }
    }

    /// <summary>New claim lines an INSERT: one on SQLite (a prepared statement), as many as stay under SQL Server's 2,100 parameters there.</summary>
    internal static int ClaimLineRowsPerCommand(PortalDbContext db) =>
        db.Database.IsSqlite() ? 1 : 2_000 / db.Model.FindEntityType(typeof(ArrsClaimLine))!.GetProperties().Count();

    private static void SetFigures(ArrsClaimLine line, in ArrsLineResult result, ArrsStoredAssessment stored, int? contextId, DateTime now)
    {
        if (line.AssessedAt is not null && line.Reimbursable != result.Reimbursable)
        {
            line.PreviousReimbursable = line.Reimbursable;
        }

        line.ClaimedCost = result.ClaimedCost;
        line.MaxForPeriod = result.MaxForPeriod;
        line.Rate = result.Rate;
        line.Reimbursable = result.Reimbursable;
        line.WorstOutcome = result.Status;
        line.AssessedAt ??= now;
        line.RuleChecks = stored.Checks;
        line.RuleTotals = stored.Totals;
        line.AssessedContextId = contextId;
    }

    /// <summary>A line of the batch: stored (read back), or new (its place in the submission's list); its key either way.</summary>
    private readonly record struct BatchLine(StoredLine? Stored, int Id, int Added);

    /// <summary>The batch and what new lines are made from.</summary>
    private sealed record Writes(List<BatchLine> Batch, IReadOnlyList<NewClaimLine> Added, ArrsSubmission? Submission)
    {
        /// <summary>The row for a new line, made when its chunk is written and forgotten after.</summary>
        public ArrsClaimLine NewLine(int id, int index, FinancialYear year)
        {
            var (input, pcnId, staffMemberId, notes) = Added[index];
            return new ArrsClaimLine
            {
                Id = id,
                PcnId = pcnId,
                StaffMemberId = staffMemberId,
                StaffRef = input.StaffRef,
                StaffName = input.StaffName,
                RoleCode = input.RoleCode,
                Month = input.Month,
                FinancialYearStart = year.StartYear,
                Wte = input.Wte,
                StartDate = input.StartDate,
                EndDate = input.EndDate,
                Salary = input.Salary,
                EmployerNi = input.EmployerNi,
                EmployerPension = input.EmployerPension,
                OtherOnCosts = input.OtherOnCosts,
                ThirdPartyFee = input.ThirdPartyFee,
                Notes = notes,
                TransferredFromClinicalPharmacistScheme = input.TransferredFromClinicalPharmacistScheme,
                ThirdPartySplw = input.ThirdPartySplw,
                Cover = input.Cover,
                Status = ArrsClaimStatus.Submitted,
                SubmittedAt = Submission!.SubmittedAt,
                SubmittedBy = Submission.SubmittedBy,
                Sequence = input.Sequence,
                DueOn = Submission.DueOn,
            };
        }
    }
}

/// <summary>A claim line being submitted: what the rules engine reads (its PCN code, the staff record's reference and flags) and what its row needs besides.</summary>
public sealed record NewClaimLine(ClaimLineInput Input, int PcnId, int StaffMemberId, string? Notes);

/// <summary>What every line of one submission shares: when, by whom, and when its review is due.</summary>
public sealed record ArrsSubmission(DateTime SubmittedAt, string SubmittedBy, DateOnly DueOn);
