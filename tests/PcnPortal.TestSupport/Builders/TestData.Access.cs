using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Access;
using PcnPortal.Domain.Registration;

namespace PcnPortal.TestSupport;

public sealed partial class TestData
{
    /// <summary>A plan of the PCN from <paramref name="effectiveFrom"/> (1 October 2022 by default): Monday 18:30-20:00 and Saturday 09:00-17:00 at its first practice.</summary>
    public Task<int> CreateAccessPlanAsync(Pcn pcn, AccessPlanStatus status = AccessPlanStatus.Submitted, DateOnly? effectiveFrom = null, string? approvedPractices = null) =>
        WithDbAsync(async db =>
        {
            var practice = await db.PcnMemberships.Where(m => m.PcnId == pcn.Id).OrderBy(m => m.Id).Select(m => m.Practice!.Code).FirstAsync();
            var all = await db.PcnMemberships.Where(m => m.PcnId == pcn.Id && m.EndDate == null).Select(m => m.Practice!.Code).OrderBy(c => c).ToListAsync();
            var plan = new AccessPlan
            {
                PcnId = pcn.Id,
                EffectiveFrom = effectiveFrom ?? new DateOnly(2022, 10, 1),
                Status = status,
                SubmittedOn = new DateOnly(2022, 9, 1),
                SubmittedBy = "test",
                DecidedOn = status == AccessPlanStatus.Submitted ? null : new DateOnly(2022, 9, 10),
                DecidedBy = status == AccessPlanStatus.Submitted ? null : "test",
                ApprovedPractices = status == AccessPlanStatus.Approved ? approvedPractices ?? string.Join(',', all) : null,
                Sessions =
                [
                    new AccessPlanSession { Day = DayOfWeek.Monday, Start = new TimeOnly(18, 30), End = new TimeOnly(20, 0), PracticeCode = practice, ClinicianType = "GP" },
                    new AccessPlanSession { Day = DayOfWeek.Saturday, Start = new TimeOnly(9, 0), End = new TimeOnly(17, 0), PracticeCode = practice, ClinicianType = "Practice nurse" },
                ],
            };
            db.AccessPlans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });

    public Task<int> CreateAdjustedPopulationAsync(Pcn pcn, int population, DateOnly? asAt = null) =>
        WithDbAsync(async db =>
        {
            var row = new PcnAdjustedPopulation { PcnId = pcn.Id, AsAt = asAt ?? new DateOnly(2022, 1, 1), Population = population, Source = "test" };
            db.PcnAdjustedPopulations.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });

    /// <summary>A completed declaration of the quarter starting <paramref name="quarterStart"/>, the same figures each month.</summary>
    public Task<int> CreateAccessDeclarationAsync(Pcn pcn, DateOnly quarterStart, int minutesPerMonth, DateOnly? completedOn = null) =>
        WithDbAsync(async db =>
        {
            var declaration = new AccessDeclaration
            {
                PcnId = pcn.Id,
                QuarterStart = quarterStart,
                FirstSubmittedOn = completedOn ?? quarterStart.AddMonths(3),
                CompletedOn = completedOn ?? quarterStart.AddMonths(3),
                SubmittedBy = "test",
                Months = [.. Enumerable.Range(0, 3).Select(i => new AccessDeclarationMonth { Month = quarterStart.AddMonths(i), Offered = 200, Booked = 180, Attended = 170, DidNotAttend = 10, MinutesDelivered = minutesPerMonth })],
            };
            db.AccessDeclarations.Add(declaration);
            await db.SaveChangesAsync();
            return declaration.Id;
        });
}
