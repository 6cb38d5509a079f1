using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Access;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.DemoData;

namespace PcnPortal.Web.Features.Access;

/// <summary>
/// Demo access data for the demo CCG: adjusted populations (about the registered list, as at 1 January from 2022), an
/// approved enhanced access plan from 1 October 2022 for every PCN sized to its requirement, and declarations for the last
/// four ended quarters. The first demo PCN delivers about 85% (short), the second has a new plan waiting for review, the
/// twelfth has not declared its latest quarter (late), and the last PCN's plan was returned.
/// </summary>
public sealed class AccessDemoSeeder : IDemoSeeder
{
    public int Order => 35;

    private static readonly DateOnly PlanFrom = PublishedAccessSchedule.EnhancedAccessStart;

    public async Task SeedAsync(PortalDbContext db, DemoSeedContext context, CancellationToken cancellationToken)
    {
        var pcns = await db.Pcns.Where(p => p.CcgCode == DemoCcg.Code).OrderBy(p => p.Code).Select(p => new { p.Id, p.Code }).ToListAsync(cancellationToken);
        if (pcns.Count == 0 || await db.AccessPlans.AnyAsync(cancellationToken))
        {
            return;
        }

        var random = new Random(35);
        var ids = pcns.Select(p => p.Id).ToList();
        var sizes = await db.PcnMemberships.AsNoTracking()
            .Where(m => ids.Contains(m.PcnId))
            .Join(db.PracticeListSizes, m => m.PracticeId, l => l.PracticeId, (m, l) => new { m.PcnId, m.StartDate, m.EndDate, l.AsAt, l.Registered })
            .ToListAsync(cancellationToken);
        foreach (var pcn in pcns)
        {
            for (var year = 2022; year <= context.Today.Year; year++)
            {
                var onDay = new DateOnly(year, 1, 1);
                var held = sizes.Where(s => s.PcnId == pcn.Id && s.AsAt == onDay && s.StartDate <= onDay && (s.EndDate == null || s.EndDate >= onDay)).Sum(s => s.Registered);
                var list = held > 0 ? held : sizes.Where(s => s.PcnId == pcn.Id).GroupBy(s => s.AsAt).OrderByDescending(g => g.Key).Select(g => g.Sum(s => s.Registered)).FirstOrDefault();
                db.PcnAdjustedPopulations.Add(new PcnAdjustedPopulation
                {
                    PcnId = pcn.Id,
                    AsAt = onDay,
                    Population = Math.Max(1, (int)(list * (0.96 + (random.NextDouble() * 0.08)))),
                    Source = $"NHS England PCN adjusted populations, January {year} (demo figure)",
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var data = await new AccessRequirementQuery(db).LoadAsync(ids, cancellationToken);
        foreach (var (pcn, index) in pcns.Select((p, i) => (p, i)))
        {
            var practices = data.PracticesOn(pcn.Id, PlanFrom);
            var weekly = data.OnDay(pcn.Id, pcn.Code, PlanFrom).Weekly?.Minutes ?? 0;
            var last = index == pcns.Count - 1;
            var plan = new AccessPlan
            {
                PcnId = pcn.Id,
                EffectiveFrom = PlanFrom,
                Status = last ? AccessPlanStatus.Returned : AccessPlanStatus.Approved,
                SubmittedOn = new DateOnly(2022, 7, 29),
                SubmittedBy = "pcn manager (demo)",
                DecidedOn = new DateOnly(2022, 8, 31),
                DecidedBy = "contracts@demo.pcnportal.test",
                DecisionNote = last ? "Saturday sessions are all at one site: spread them so every member practice's patients can reach one." : null,
                ApprovedPractices = last ? null : string.Join(',', practices),
                Sessions = Sessions(weekly, practices),
            };
            db.AccessPlans.Add(plan);
            if (index == 1)
            {
                db.AccessPlans.Add(new AccessPlan
                {
                    PcnId = pcn.Id,
                    EffectiveFrom = new DateOnly(context.Today.Year, context.Today.Month, 1).AddMonths(1),
                    SubmittedOn = context.Today.AddDays(-3),
                    SubmittedBy = "manager2@demo.pcnportal.test",
                    Sessions = Sessions(weekly + 120, practices),
                });
            }
        }

        var quarters = new List<AccessQuarter>();
        for (var q = AccessQuarter.Containing(context.Today).Previous(); quarters.Count < 4 && q.FirstDay >= PlanFrom; q = q.Previous())
        {
            quarters.Add(q);
        }

        foreach (var (pcn, index) in pcns.Select((p, i) => (p, i)))
        {
            foreach (var quarter in quarters)
            {
                if (index == 11 && quarter == quarters[0])
                {
                    continue; // Not declared: overdue.
                }

                var due = AccessDeclarationLateRule.DueDate(quarter, AccessDeclarationLateRule.DefaultWorkingDays);
                var completed = due.AddDays(-random.Next(0, 8));
                var declaration = new AccessDeclaration { PcnId = pcn.Id, QuarterStart = quarter.FirstDay, FirstSubmittedOn = completed, CompletedOn = completed, SubmittedBy = "pcn manager (demo)" };
                foreach (var month in quarter.Months)
                {
                    var required = data.ForPeriod(pcn.Id, pcn.Code, month, month.AddMonths(1).AddDays(-1)).Minutes ?? 0;
                    var factor = index == 0 ? 0.82 + (random.NextDouble() * 0.06) : 1.0 + (random.NextDouble() * 0.08);
                    var minutes = (int)(required * factor);
                    var offered = minutes / 15;
                    var booked = (int)(offered * (0.84 + (random.NextDouble() * 0.12)));
                    var dna = (int)(booked * (0.04 + (random.NextDouble() * 0.04)));
                    declaration.Months.Add(new AccessDeclarationMonth { Month = month, Offered = offered, Booked = booked, Attended = booked - dna, DidNotAttend = dna, MinutesDelivered = minutes });
                }

                db.AccessDeclarations.Add(declaration);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Saturday 09:00-17:00 sessions and weekday evening 18:30-20:00 sessions across the practices until the weekly minutes are covered.</summary>
    private static List<AccessPlanSession> Sessions(int weekly, IReadOnlyList<string> practices)
    {
        var sessions = new List<AccessPlanSession>();
        if (practices.Count == 0)
        {
            return sessions;
        }

        string[] clinicians = ["GP", "Practice nurse", "Clinical pharmacist", "Advanced practitioner", "First contact physiotherapist"];
        DayOfWeek[] evenings = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        var covered = 0;
        var i = 0;
        while (covered < weekly && sessions.Count < 40)
        {
            var practice = practices[i % practices.Count];
            if (i % 3 == 0)
            {
                sessions.Add(new AccessPlanSession { Day = DayOfWeek.Saturday, Start = new TimeOnly(9, 0), End = new TimeOnly(17, 0), PracticeCode = practice, ClinicianType = clinicians[i % clinicians.Length] });
                covered += 480;
            }
            else
            {
                sessions.Add(new AccessPlanSession { Day = evenings[i % evenings.Length], Start = new TimeOnly(18, 30), End = new TimeOnly(20, 0), PracticeCode = practice, ClinicianType = clinicians[i % clinicians.Length] });
                covered += 90;
            }

            i++;
        }

        return sessions;
    }
}
