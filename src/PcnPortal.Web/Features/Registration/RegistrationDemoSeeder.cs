using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.DemoData;

namespace PcnPortal.Web.Features.Registration;

/// <summary>
/// Registration demo data: a practice that moved from Oldbridge and Fenwick PCN to Northfield Downs PCN on 1 April 2023 (with the
/// approved request behind it), Riverside Central PCN's agreed population exception, and a change pending from the first PCN.
/// </summary>
internal sealed class RegistrationDemoSeeder : IDemoSeeder
{
    public int Order => 10;

    public async Task SeedAsync(PortalDbContext db, DemoSeedContext context, CancellationToken cancellationToken)
    {
        var pcns = await db.Pcns.Where(p => p.Code == "U90001" || p.Code == "U90006" || p.Code == "U90010" || p.Code == "U90012")
            .ToDictionaryAsync(p => p.Code, cancellationToken);
        var contracts = $"contracts@{DemoCcg.EmailDomain}";

        // A practice that moved PCNs on 1 April 2023.
        var moveDate = new DateOnly(2023, 4, 1);
        var moving = await db.PcnMemberships.Include(m => m.Practice)
            .Where(m => m.PcnId == pcns["U90012"].Id && m.Practice!.Code != pcns["U90012"].NominatedPayeeCode)
            .OrderByDescending(m => m.Practice!.Code)
            .FirstAsync(cancellationToken);
        moving.EndDate = moveDate.AddDays(-1);
        db.PcnMemberships.Add(new PcnMembership { PcnId = pcns["U90010"].Id, PracticeId = moving.PracticeId, StartDate = moveDate });
        db.PcnChangeRequests.Add(new PcnChangeRequest
        {
            PcnId = pcns["U90010"].Id,
            Kind = PcnChangeKind.PracticeJoins,
            Status = PcnChangeStatus.Approved,
            EffectiveDate = moveDate,
            OrganisationCode = moving.Practice!.Code,
            OrganisationName = moving.Practice.Name,
            Reason = $"{moving.Practice.Name} moves from Oldbridge and Fenwick PCN to join neighbouring practices, bringing Northfield Downs nearer the population band.",
            SubmittedBy = $"manager.u90010@{DemoCcg.EmailDomain}",
            SubmittedAt = new DateTime(2023, 2, 6, 10, 15, 0, DateTimeKind.Utc),
            DecidedBy = contracts,
            DecidedAt = new DateTime(2023, 2, 20, 14, 30, 0, DateTimeKind.Utc),
            AppliedOn = moveDate,
        });

        // Riverside Central PCN serves about 100,000 people: an agreed exception to the 30,000 to 50,000 band.
        var riverside = pcns["U90006"];
        riverside.PopulationExceptionReason = "One city-centre super-partnership with a single estate and clinical system; splitting it would divide shared teams. Agreed by the primary care commissioning committee.";
        riverside.PopulationExceptionAgreed = new DateOnly(2019, 6, 20);
        riverside.PopulationExceptionAgreedBy = contracts;

        // A change the first PCN has proposed and the commissioner has not yet decided.
        var firstOfNextMonth = new DateOnly(context.Today.Year, context.Today.Month, 1).AddMonths(1);
        db.PcnChangeRequests.Add(new PcnChangeRequest
        {
            PcnId = pcns[DemoCcg.FirstPcnCode].Id,
            Kind = PcnChangeKind.Agreements,
            EffectiveDate = firstOfNextMonth,
            DataSharingAgreementSigned = context.Today.AddDays(-3),
            NetworkAgreementSigned = pcns[DemoCcg.FirstPcnCode].NetworkAgreementSigned,
            Reason = "All member practices have signed the revised data-sharing agreement covering the new care coordinators.",
            SubmittedBy = $"manager@{DemoCcg.EmailDomain}",
            SubmittedAt = context.Today.AddDays(-2).ToDateTime(new TimeOnly(9, 30), DateTimeKind.Utc),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
