using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Registration;

/// <summary>One line of a change request's review: what it touches, the register today and what the request proposes.</summary>
public sealed record ChangeComparisonRow(string What, string Current, string Proposed);

/// <summary>
/// What the contracts team sees beside a change request: the register's current value of what it changes and the
/// proposed value, side by side (clinical director, payee, agreement dates, the practice's membership and the number of
/// member practices).
/// </summary>
public sealed class ChangeRequestComparison(PortalDbContext db)
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public async Task<IReadOnlyList<ChangeComparisonRow>> CompareAsync(PcnChangeRequest request, DateOnly today, CancellationToken cancellationToken = default)
    {
        var pcn = request.Pcn ?? await db.Pcns.AsNoTracking().SingleAsync(p => p.Id == request.PcnId, cancellationToken);
        var effective = request.EffectiveDate;
        var rows = new List<ChangeComparisonRow>();
        switch (request.Kind)
        {
            case PcnChangeKind.ClinicalDirector:
                var directors = await db.ClinicalDirectors.AsNoTracking()
                    .Where(c => c.PcnId == request.PcnId && c.From <= today && (c.To == null || c.To >= today))
                    .OrderBy(c => c.From).ToListAsync(cancellationToken);
                rows.Add(new("Clinical director",
                    directors.Count == 0 ? "None recorded" : string.Join("; ", directors.Select(c => $"{c.Name} ({c.Profession}), since {D(c.From)}")),
                    $"{request.DirectorName} ({request.DirectorProfession}), from {D(effective)}"));
                break;
            case PcnChangeKind.NominatedPayee:
                rows.Add(new("Nominated payee",
                    pcn.NominatedPayeeCode is null ? "None recorded" : $"{pcn.NominatedPayeeName} ({pcn.NominatedPayeeCode})",
                    $"{request.OrganisationName} ({request.OrganisationCode}), from {D(effective)}"));
                break;
            case PcnChangeKind.Agreements:
                rows.Add(new("Network agreement signed", D(pcn.NetworkAgreementSigned), request.NetworkAgreementSigned is { } n ? D(n) : "No change"));
                rows.Add(new("Data-sharing agreement signed", D(pcn.DataSharingAgreementSigned), request.DataSharingAgreementSigned is { } d ? D(d) : "No change"));
                break;
            case PcnChangeKind.PracticeJoins or PcnChangeKind.PracticeLeaves:
                var code = request.OrganisationCode;
                var memberships = await db.PcnMemberships.AsNoTracking()
                    .Where(m => m.Practice!.Code == code && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today))
                    .Select(m => new { m.PcnId, PcnName = m.Pcn!.Name, PcnCode = m.Pcn.Code, m.StartDate })
                    .ToListAsync(cancellationToken);
                var current = memberships.Count == 0
                    ? "Not in a PCN"
                    : string.Join("; ", memberships.Select(m => m.PcnId == request.PcnId ? $"Member of this PCN since {D(m.StartDate)}" : $"Member of {m.PcnName} ({m.PcnCode}) since {D(m.StartDate)}"));
                rows.Add(new($"{request.OrganisationName ?? "Practice"} ({code})", current,
                    request.Kind == PcnChangeKind.PracticeJoins
                        ? $"Member of this PCN from {D(effective)}"
                        : $"Leaves this PCN: last day {D(effective.AddDays(-1))}"));
                var members = await db.PcnMemberships.AsNoTracking()
                    .CountAsync(m => m.PcnId == request.PcnId && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today), cancellationToken);
                var change = request.Kind == PcnChangeKind.PracticeJoins ? 1 : -1;
                rows.Add(new("Member practices", members.ToString(Uk), Math.Max(0, members + change).ToString(Uk)));
                break;
        }

        return rows;
    }

    private static string D(DateOnly? date) => date is { } d ? d.ToString("d MMMM yyyy", Uk) : "Not recorded";
}
