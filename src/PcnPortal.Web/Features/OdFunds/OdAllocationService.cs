using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure.Configuration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Features.OdFunds;

/// <summary>
/// Computes, stores and approves versions of a fund's allocation from the PCN populations as at the fund's population date.
/// Two people: whoever computes a version cannot approve it.
/// </summary>
public sealed class OdAllocationService(PortalDbContext db, PcnRegisterQuery register, PortalOptions portal, ICurrentUser currentUser, TimeProvider clock)
{
    public sealed record ComputeResult(bool Saved, int? VersionNumber, RuleOutcome Outcome);

    /// <summary>
    /// Populations of the PCNs open on <paramref name="asAt"/> in the CCG: member practices' registered and weighted list sizes as at
    /// the latest 1 January on or before that date, summed (as <see cref="PcnRegisterQuery"/> reads them).
    /// </summary>
    public async Task<List<(PcnRegisterQuery.PcnRow Row, PcnPopulation Population)>> PopulationsAsync(DateOnly asAt, CancellationToken cancellationToken)
    {
        var ccg = portal.CcgCodes;
        var inCcg = await db.Pcns.AsNoTracking()
            .Where(p => ccg.Contains(p.CcgCode))
            .Select(p => p.Code)
            .ToListAsync(cancellationToken);
        var codes = inCcg.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rows = await register.ListAsync(asAt, null, cancellationToken);
        return
        [
            .. rows.Where(r => codes.Contains(r.Code) && r.IsOpenOn(asAt))
                .OrderBy(r => r.Code, StringComparer.Ordinal)
                .Select(r => (r, new PcnPopulation(r.Code, r.RegisteredPopulation, r.WeightedPopulation))),
        ];
    }

    /// <summary>Computes the next version. A shortfall (shares above the distributable amount) is not saved: the outcome says why.</summary>
    public async Task<ComputeResult> ComputeAsync(int fundId, CancellationToken cancellationToken)
    {
        var fund = await db.OdFunds.Include(f => f.Sources).Include(f => f.Allocations).SingleAsync(f => f.Id == fundId, cancellationToken);
        var definition = fund.ToDomain();
        var failed = OdFundRules.Check(definition).FirstOrDefault(o => o.Severity == RuleSeverity.Fail);
        if (failed is not null)
        {
            return new ComputeResult(false, null, failed);
        }

        var populations = await PopulationsAsync(fund.PopulationDate, cancellationToken);
        var next = fund.Allocations.Count == 0 ? 1 : fund.Allocations.Max(a => a.Number) + 1;
        var allocation = OdAllocationCalculator.Calculate(definition, [.. populations.Select(p => p.Population)], next);
        if (!allocation.IsUsable)
        {
            return new ComputeResult(false, null, allocation.Outcome);
        }

        var names = populations.ToDictionary(p => p.Row.Code, p => p.Row.Name, StringComparer.OrdinalIgnoreCase);
        fund.Allocations.Add(new OdAllocationVersion
        {
            Number = next,
            Method = allocation.Method,
            Basis = allocation.Basis,
            RatePerPatient = allocation.RatePerPatient,
            PopulationDate = fund.PopulationDate,
            Distributable = allocation.Distributable,
            TotalAllocated = allocation.TotalAllocated,
            OutcomeCode = allocation.Outcome.Code,
            OutcomeMessage = allocation.Outcome.Explanation,
            ComputedAtUtc = clock.GetUtcNow().UtcDateTime,
            ComputedBy = currentUser.Name,
            Shares =
            [
                .. allocation.Shares.Select(s => new OdAllocationShare
                {
                    PcnCode = s.PcnCode,
                    PcnName = names[s.PcnCode],
                    Population = s.Population,
                    Amount = s.Amount,
                    Working = s.Working,
                }),
            ],
        });
        await db.SaveChangesAsync(cancellationToken);
        return new ComputeResult(true, next, allocation.Outcome);
    }

    /// <summary>Approves (freezes) a draft version; the version approved before it becomes superseded. Returns an error message or null.</summary>
    public async Task<string?> ApproveAsync(int fundId, int number, CancellationToken cancellationToken)
    {
        var versions = await db.OdAllocationVersions.Where(a => a.FundId == fundId).ToListAsync(cancellationToken);
        var version = versions.FirstOrDefault(v => v.Number == number);
        if (version is null)
        {
            return $"There is no version {number} of this allocation.";
        }

        if (version.Status != OdAllocationStatus.Draft)
        {
            return $"Version {number} is already {version.Status.ToString().ToLowerInvariant()}; compute a new version to change the shares.";
        }

        if (versions.Any(v => v.Number > number))
        {
            return $"Version {number} is not the latest; approve the latest version instead.";
        }

        if (ComputedByMe(version))
        {
            return $"You computed version {number}, so you cannot approve it: someone else in finance must check the shares and approve them.";
        }

        foreach (var approved in versions.Where(v => v.Status == OdAllocationStatus.Approved))
        {
            approved.Status = OdAllocationStatus.Superseded;
        }

        version.Status = OdAllocationStatus.Approved;
        version.ApprovedAtUtc = clock.GetUtcNow().UtcDateTime;
        version.ApprovedBy = currentUser.Name;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// True when the signed-in user computed this version: the person who computes an allocation cannot approve it. Versions
    /// record the sign-in name (unique to an account) of the person who computed them.
    /// </summary>
    public bool ComputedByMe(OdAllocationVersion version) => string.Equals(version.ComputedBy, currentUser.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The approved share of a PCN in a fund, or null when no allocation is approved or the PCN has no share.</summary>
    public Task<OdAllocationShare?> ApprovedShareAsync(int fundId, string pcnCode, CancellationToken cancellationToken) =>
        db.OdAllocationShares.AsNoTracking()
            .Where(s => s.PcnCode == pcnCode && db.OdAllocationVersions.Any(v => v.Id == s.AllocationVersionId && v.FundId == fundId && v.Status == OdAllocationStatus.Approved))
            .FirstOrDefaultAsync(cancellationToken);
}
