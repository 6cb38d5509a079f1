using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Maturity;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.DemoData;

namespace PcnPortal.Web.Features.Maturity;

/// <summary>
/// Demo maturity rounds for the demo CCG: 2019/20 (mostly Foundation, 15 of 18 returned), 2021/22 (mostly Step 1 to Step 2,
/// all reviewed), and an open current round where the first PCN has a return in progress and a few have submitted.
/// </summary>
public sealed class MaturityDemoSeeder : IDemoSeeder
{
    public int Order => 20;

    private static readonly string[] Leads = ["Kate Morrow (CCG primary care lead)", "Head of locality", "Training hub lead"];

    public async Task SeedAsync(PortalDbContext db, DemoSeedContext context, CancellationToken cancellationToken)
    {
        var matrix = await db.MatrixVersions.OrderBy(v => v.Id).FirstOrDefaultAsync(cancellationToken);
        if (matrix is null)
        {
            matrix = MaturityMatrixSeeder.CreateDefault(context.Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            db.MatrixVersions.Add(matrix);
        }

        var pcns = await db.Pcns.Where(p => p.CcgCode == DemoCcg.Code).OrderBy(p => p.Code).ToListAsync(cancellationToken);
        if (pcns.Count == 0)
        {
            return;
        }

        var current = FinancialYear.Containing(context.Today);
        var random = new Random(20);

        // 2019/20: mostly Foundation, a few Pre-foundation and Step 1; three PCNs never returned.
        var first = Round(2019, new DateOnly(2019, 11, 29), matrix);
        MaturityPosition[] early = [MaturityPosition.PreFoundation, MaturityPosition.Foundation, MaturityPosition.Foundation, MaturityPosition.Foundation, MaturityPosition.Foundation, MaturityPosition.FoundationToStep1, MaturityPosition.Step1];
        var missing = new HashSet<string> { "U90010", "U90014", "U90017" };
        foreach (var pcn in pcns)
        {
            var ret = new MaturityReturn { Pcn = pcn };
            first.Returns.Add(ret);
            if (missing.Contains(pcn.Code))
            {
                ret.Status = MaturityReturnStatus.NotStarted;
                continue;
            }

            Fill(ret, d => early[random.Next(early.Length)], new DateOnly(2019, 11, 15).AddDays(random.Next(0, 24)), 2019);
            Review(ret, ret.SubmittedOn!.Value.AddDays(21), "The PCN is at an early stage; relationships between member practices are forming and the clinical director has started leadership development.");
        }

        // 2021/22: mostly Step 1 to Step 2, every PCN returned and reviewed.
        var second = Round(2021, new DateOnly(2021, 10, 29), matrix);
        MaturityPosition[] later = [MaturityPosition.FoundationToStep1, MaturityPosition.Step1, MaturityPosition.Step1, MaturityPosition.Step1To2, MaturityPosition.Step1To2, MaturityPosition.Step2, MaturityPosition.Step2];
        foreach (var pcn in pcns)
        {
            var ret = new MaturityReturn { Pcn = pcn };
            second.Returns.Add(ret);
            Fill(ret, d => pcn.Code == "U90016" && d == MaturityDomain.ManagingResources ? MaturityPosition.NotAssessed : later[random.Next(later.Length)],
                new DateOnly(2021, 10, 11).AddDays(random.Next(0, 24)), 2021);
            Review(ret, ret.SubmittedOn!.Value.AddDays(20), "Good progress since 2019/20, helped by the additional roles and the OD fund. The PCN is working with the community and voluntary sector and has started population health management work.");
        }

        db.AssessmentRounds.AddRange(first, second);

        // The current round, if it is not one of the past ones: due in six weeks, some PCNs have submitted.
        if (current.StartYear > 2021)
        {
            var open = Round(current.StartYear, context.Today.AddDays(42), matrix);
            foreach (var pcn in pcns)
            {
                var ret = new MaturityReturn { Pcn = pcn, Status = MaturityReturnStatus.NotStarted };
                open.Returns.Add(ret);
                if (pcn.Code is "U90003" or "U90008" or "U90013" or "U90015")
                {
                    Fill(ret, _ => later[random.Next(2, later.Length)], context.Today.AddDays(-random.Next(1, 10)), current.StartYear);
                }
                else if (pcn.Code == DemoCcg.FirstPcnCode)
                {
                    ret.Status = MaturityReturnStatus.InProgress;
                    ret.LastEditedBy = "manager@" + DemoCcg.EmailDomain;
                    ret.LastEditedAt = context.Today.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
                    ret.Answers.Add(new MaturityAnswer
                    {
                        Domain = MaturityDomain.LeadershipPlanningAndPartnerships,
                        Position = MaturityPosition.Step2,
                        Evidence = "Shared PCN board with community services and the local authority; the clinical director chairs the locality group.",
                        WhatWorkedWell = "Monthly joint planning meetings.",
                    });
                    ret.Answers.Add(new MaturityAnswer
                    {
                        Domain = MaturityDomain.DataAndPopulationHealthManagement,
                        Position = MaturityPosition.Step1To2,
                        Evidence = "Population segmented using the linked data set; frailty cohort identified.",
                    });
                }
            }

            db.AssessmentRounds.Add(open);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static AssessmentRound Round(int year, DateOnly due, MatrixVersion matrix) => new()
    {
        YearStart = year,
        DueDate = due,
        MatrixVersion = matrix,
        OpenedBy = "contracts@" + DemoCcg.EmailDomain,
        OpenedAt = new DateTime(year, 9, 1, 9, 0, 0, DateTimeKind.Utc),
    };

    private static void Fill(MaturityReturn ret, Func<MaturityDomain, MaturityPosition> position, DateOnly submitted, int year)
    {
        foreach (var domain in MaturityDomains.All)
        {
            var p = position(domain);
            ret.Answers.Add(new MaturityAnswer
            {
                Domain = domain,
                Position = p,
                NotAssessedReason = p == MaturityPosition.NotAssessed ? "Deferred to the review meeting: finance lead in post only from September." : null,
                Evidence = p == MaturityPosition.NotAssessed ? null : $"{domain.DisplayName()}: work in {new FinancialYear(year)} described at the PCN board.",
                SupportNeeded = p.Ordinal() < 2 ? "Facilitated workshop and data analyst support." : null,
            });
        }

        ret.Status = MaturityReturnStatus.Submitted;
        ret.SubmittedOn = submitted;
        ret.SubmittedAt = submitted.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        ret.SubmittedBy = "PCN manager";
    }

    private static void Review(MaturityReturn ret, DateOnly met, string summary)
    {
        ret.Status = MaturityReturnStatus.Reviewed;
        ret.ReviewMeetingDate = met;
        ret.ReviewAttendees = string.Join(", ", Leads) + ", clinical director, PCN manager";
        ret.ReviewSummary = summary;
        ret.ReviewActions = "Share the PCN's priorities with the locality board; book OD fund support for the lowest domain.";
        ret.ReviewedBy = "contracts@" + DemoCcg.EmailDomain;
        ret.ReviewedAt = met.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc);
    }
}
