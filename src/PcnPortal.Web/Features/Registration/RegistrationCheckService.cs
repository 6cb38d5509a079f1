using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Registration;

namespace PcnPortal.Web.Features.Registration;

/// <summary>
/// Runs the registration rules (<see cref="PcnRegistrationCheck"/>) on many PCNs as at a date with two SQL queries whatever the
/// number of PCNs: one for the PCNs, one for their member practices with the list size used for the population date.
/// </summary>
public sealed class RegistrationCheckService
{
    public async Task<Dictionary<string, PcnRegistrationResult>> CheckAsync(IQueryable<Pcn> pcns, DateOnly asAt, CancellationToken cancellationToken = default)
    {
        var populationDate = PcnPopulation.PopulationDate(asAt);
        var heads = await pcns.AsNoTracking()
            .Select(p => new
            {
                p.Code,
                p.Name,
                p.NominatedPayeeCode,
                p.PopulationExceptionReason,
                p.PopulationExceptionAgreedBy,
                p.PopulationExceptionAgreed,
                HasDirector = p.ClinicalDirectors.Any(c => c.From <= asAt && (c.To == null || c.To >= asAt)),
            })
            .ToListAsync(cancellationToken);
        var members = await pcns.AsNoTracking()
            .SelectMany(p => p.Memberships)
            .Where(m => m.StartDate <= asAt && (m.EndDate == null || m.EndDate >= asAt))
            .Select(m => new
            {
                PcnCode = m.Pcn!.Code,
                m.Practice!.Code,
                m.Practice.Name,
                Registered = m.Practice.ListSizes.Where(l => l.AsAt <= populationDate).OrderByDescending(l => l.AsAt).Select(l => (int?)l.Registered).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var byPcn = members.ToLookup(m => m.PcnCode, StringComparer.Ordinal);
        return heads.ToDictionary(
            h => h.Code,
            h => PcnRegistrationCheck.Run(new PcnSnapshot(
                h.Code,
                h.Name,
                byPcn[h.Code].Select(m => new MemberPracticeSnapshot(m.Code, m.Registered, null, m.Name)).ToList(),
                h.HasDirector,
                h.NominatedPayeeCode,
                h.PopulationExceptionReason is null ? null : new PopulationException(h.PopulationExceptionReason, h.PopulationExceptionAgreedBy, h.PopulationExceptionAgreed))),
            StringComparer.Ordinal);
    }
}
