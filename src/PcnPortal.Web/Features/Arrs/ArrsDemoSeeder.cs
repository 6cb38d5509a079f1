using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.DemoData;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>
/// Demo ARRS data for the 18 demo PCNs: baselines (one post vacant), 3 to 8 staff each, and claims for the last
/// financial year (decided and mostly paid) and the current one (recent months Submitted, some queried or
/// rejected). Every line is assessed by the rules engine. All names are fictional.
/// </summary>
internal sealed class ArrsDemoSeeder : IDemoSeeder
{
    private static readonly string[] FirstNames = ["Amira", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Hamza", "Isla", "Jack", "Kiran", "Lena", "Marek", "Nia", "Owen", "Priya"];
    private static readonly string[] LastNames = ["Ashworth", "Bhatt", "Collins", "Daly", "Evans", "Fraser", "Gill", "Hughes", "Iqbal", "Jones", "Khan", "Lowe", "Morgan", "Nash", "Okafor", "Price"];

    /// <summary>Roles with published maximums, with a typical monthly salary per WTE.</summary>
    private static readonly (string Role, decimal MonthlySalary)[] Roles =
    [
        (PublishedArrsSchedule.ClinicalPharmacist, 3_950m), (PublishedArrsSchedule.Splw, 2_350m), (PublishedArrsSchedule.FcpPhysio, 3_900m),
        (PublishedArrsSchedule.CareCoordinator, 2_150m), (PublishedArrsSchedule.AdvancedPractitioner, 4_600m), (PublishedArrsSchedule.NursingAssociate, 2_200m),
    ];

    public int Order => 30;

    public async Task SeedAsync(PortalDbContext db, DemoSeedContext context, CancellationToken cancellationToken)
    {
        var services = context.Services;
        var random = new Random(30);
        var today = context.Today;
        var current = FinancialYear.Containing(today);
        var previous = current.Previous();
        var pcns = await db.Pcns.Where(p => p.CcgCode == DemoCcg.Code).OrderBy(p => p.Code).ToListAsync(cancellationToken);
        var now = DateTime.SpecifyKind(today.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        long sequence = 1;
        var lines = new List<ArrsClaimLine>();
        foreach (var (pcn, index) in pcns.Select((p, i) => (p, i)))
        {
            db.ArrsBaselines.Add(new ArrsBaseline { Pcn = pcn, RoleCode = PublishedArrsSchedule.ClinicalPharmacist, Wte = index % 3 == 0 ? 1m : 0.5m, StaffRef = EsrNumber(90_000 + (index * 10) + 1), SignedOffOn = new DateOnly(2019, 6, 28) });
            if (index == 3)
            {
                // One baseline post fell vacant and is not refilled: for 3 months claimed SPLWs stay additional; after that the
                // claimed SPLW WTE covers the vacant post first (ARRS-ADDITIONALITY).
                db.ArrsBaselines.Add(new ArrsBaseline { Pcn = pcn, RoleCode = PublishedArrsSchedule.Splw, Wte = 1m, StaffRef = EsrNumber(90_000 + (index * 10) + 2), VacantFrom = previous.FirstDay.AddMonths(5), SignedOffOn = new DateOnly(2019, 6, 28) });
            }

            var staffCount = 3 + random.Next(6);
            for (var s = 0; s < staffCount; s++)
            {
                var (role, salary) = Roles[(s + index) % Roles.Length];
                var wte = new[] { 1m, 1m, 0.8m, 0.6m, 0.5m }[random.Next(5)];
                var start = previous.FirstDay.AddMonths(random.Next(-12, 8));
                DateOnly? end = s == 2 && index % 4 == 1 ? current.FirstDay.AddMonths(1).AddDays(-1) : null;
                var member = new ArrsStaffMember
                {
                    Pcn = pcn,
                    StaffRef = EsrNumber(10_000 + (index * 100) + s + 1),
                    Name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
                    RoleCode = role,
                    Employer = pcn.NominatedPayeeName ?? pcn.Name,
                    Wte = wte,
                    StartDate = start,
                    EndDate = end,
                    TransferredFromClinicalPharmacistScheme = role == PublishedArrsSchedule.ClinicalPharmacist && s == 0 && index % 5 == 0,
                };
                db.ArrsStaff.Add(member);
                var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
                for (var month = previous.FirstDay; month <= lastMonth; month = month.AddMonths(1))
                {
                    if (month.AddMonths(1).AddDays(-1) < start || (end is not null && end < month))
                    {
                        continue;
                    }

                    var pay = Money.ToPence(salary * wte * (1 + ((decimal)random.Next(-20, 20) / 1000m)));
                    var submitted = month.AddMonths(1).AddDays(4);
                    var inCurrentClock = month == lastMonth;
                    var line = new ArrsClaimLine
                    {
                        Pcn = pcn,
                        StaffMember = member,
                        StaffRef = member.StaffRef,
                        StaffName = member.Name,
                        RoleCode = role,
                        Month = month,
                        FinancialYearStart = FinancialYear.Containing(month).StartYear,
                        Wte = wte,
                        StartDate = start,
                        EndDate = end,
                        Salary = pay,
                        EmployerNi = Money.ToPence(pay * 0.11m),
                        EmployerPension = Money.ToPence(pay * 0.1438m),
                        OtherOnCosts = 0m,
                        ThirdPartyFee = 0m,
                        TransferredFromClinicalPharmacistScheme = member.TransferredFromClinicalPharmacistScheme,
                        Status = ArrsClaimStatus.Submitted,
                        Sequence = sequence++,
                        SubmittedAt = inCurrentClock ? now.AddDays(-random.Next(0, 3)) : DateTime.SpecifyKind(submitted.ToDateTime(new TimeOnly(10, 0)), DateTimeKind.Utc),
                        SubmittedBy = "manager@" + DemoCcg.EmailDomain,
                        DueOn = WorkingDays.ResponseDue(inCurrentClock ? today : submitted),
                    };
                    lines.Add(line);
                    db.ArrsClaimLines.Add(line);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var assessor = services.GetRequiredService<ArrsAssessmentService>();
        await assessor.AssessYearAsync(previous, cancellationToken);
        await assessor.AssessYearAsync(current, cancellationToken);
        var explanations = services.GetRequiredService<ArrsLineOutcomesQuery>();

        // Decisions: earlier months decided by the contracts team (and paid last year); recent ones left for review.
        var lastMonthStart = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var contracts = "contracts@" + DemoCcg.EmailDomain;
        var counter = 0;
        foreach (var line in lines.Where(l => l.Month < lastMonthStart))
        {
            counter++;
            line.DecidedBy = contracts;
            line.DecidedAt = line.SubmittedAt.AddDays(3);
            if (line.WorstOutcome == RuleSeverity.Fail)
            {
                line.Status = ArrsClaimStatus.Rejected;
                var outcomes = await explanations.ForLineAsync(line, line.Pcn!.Code, cancellationToken);
                line.RejectionReason = outcomes.Any(o => o.Code == AdditionalityRule.Code && o.Severity == RuleSeverity.Fail) ? "NOT-ADDITIONAL" : "OTHER";
                line.DecisionText = outcomes.First(o => o.Severity == RuleSeverity.Fail).Explanation;
            }
            else if (counter % 41 == 0 && line.FinancialYearStart == current.StartYear)
            {
                line.Status = ArrsClaimStatus.Queried;
                line.DecisionText = "Please send the payslip for this month: the salary is higher than last month's.";
            }
            else
            {
                line.Status = line.FinancialYearStart == previous.StartYear || line.Month < lastMonthStart.AddMonths(-2) ? ArrsClaimStatus.Paid : ArrsClaimStatus.Approved;
                line.ApprovedAmount = line.Reimbursable;
                line.PaidOn = line.Status == ArrsClaimStatus.Paid ? line.Month.AddMonths(2).AddDays(14) : null;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await assessor.AssessYearAsync(previous, cancellationToken);
        await assessor.AssessYearAsync(current, cancellationToken);
    }

    /// <summary>
    /// A demo staff reference shaped like an ESR employee number (eight digits), as the upload guidance asks PCNs to use:
    /// "3" and the serial, zero-padded. Invented: no real person has it in this demo.
    /// </summary>
    private static string EsrNumber(int serial) => "3" + serial.ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);
}
