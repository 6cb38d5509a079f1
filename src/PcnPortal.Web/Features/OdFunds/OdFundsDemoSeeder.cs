using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.DemoData;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Features.OdFunds;

/// <summary>
/// Demo OD funds for 2019/20 (£718,000), 2020/21 (£720,000) and 2021/22 (£360,000 national + £360,000 CCG top-up), shares at 66p
/// per registered patient, a panel of four with one declared interest (Pat Panel in U90001), EOIs in each state and payments.
/// </summary>
internal sealed class OdFundsDemoSeeder : IDemoSeeder
{
    public int Order => 40;

    public async Task SeedAsync(PortalDbContext db, DemoSeedContext context, CancellationToken cancellationToken)
    {
        var users = context.Services.GetRequiredService<UserManager<PortalUser>>();
        var panelUsers = new List<PortalUser> { (await users.FindByEmailAsync($"panel@{DemoCcg.EmailDomain}"))! };
        foreach (var (email, name) in new[] { ("panel.director", "Dana Whitfield"), ("panel.lead", "Dr Rhys Morgan"), ("panel.development", "Lena Carter") })
        {
            var user = new PortalUser { UserName = $"{email}@{DemoCcg.EmailDomain}", Email = $"{email}@{DemoCcg.EmailDomain}", EmailConfirmed = true, DisplayName = name };
            var created = await context.CreateUserAsync(users, user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not create demo panel user {email}.");
            }

            await users.AddToRoleAsync(user, PortalRoles.PanelMember);
            panelUsers.Add(user);
        }

        string[] panelRoles = ["Head of locality", "Area director", "Clinical lead", "Head of primary care development"];
        db.OdDeclaredInterests.Add(new OdDeclaredInterest
        {
            UserId = panelUsers[0].Id,
            PersonName = panelUsers[0].DisplayName,
            OrganisationCode = DemoCcg.FirstPcnCode,
            Nature = "Spouse is a salaried GP at a member practice",
            From = new DateOnly(2019, 4, 1),
        });

        var allocations = context.Services.GetRequiredService<PcnPortal.Web.Features.Registration.PcnRegisterQuery>();
        var definitions = new[]
        {
            (Year: 2019, Name: "PCN development fund 2019/20", Sources: new[] { ("NHS England GP Forward View PCN development (non-recurrent)", 718_000m) }, Status: OdFundStatus.Closed, HeldBack: 0m, Purpose: (string?)null),
            (Year: 2020, Name: "PCN OD and leadership fund 2020/21", Sources: new[] { ("NHS England Long Term Plan PCN development allocation", 720_000m) }, Status: OdFundStatus.Closed, HeldBack: 0m, Purpose: null),
            (Year: 2021, Name: "PCN OD and leadership fund 2021/22", Sources: new[] { ("NHS England PCN development (national)", 360_000m), ("CCG top-up from GP transformation funding", 360_000m) }, Status: OdFundStatus.Open, HeldBack: 0m, Purpose: null),
        };

        var funds = new List<OdFundRecord>();
        foreach (var d in definitions)
        {
            var total = d.Sources.Sum(s => s.Item2);
            var fund = new OdFundRecord
            {
                StartYear = d.Year,
                Name = d.Name,
                Total = total,
                CdRingFencePercent = 10m,
                HeldBack = d.HeldBack,
                HeldBackPurpose = d.Purpose,
                Method = OdAllocationMethod.PerCapita,
                RatePerPatient = 0.66m,
                Basis = PopulationBasis.Registered,
                PopulationDate = new DateOnly(d.Year, 10, 1),
                EoiDeadline = new DateOnly(d.Year + 1, 3, 31),
                Quorum = 3,
                Status = d.Status,
                Sources = [.. d.Sources.Select(s => new OdFundSourceRecord { Name = s.Item1, Amount = s.Item2 })],
                PanelMembers = [.. panelUsers.Select((u, i) => new OdPanelMember { UserId = u.Id, Name = u.DisplayName, PanelRole = panelRoles[i] })],
            };
            var rows = (await allocations.ListAsync(fund.PopulationDate, null, cancellationToken)).Where(r => r.IsOpenOn(fund.PopulationDate)).OrderBy(r => r.Code).ToList();
            var allocation = OdAllocationCalculator.Calculate(fund.ToDomain(), [.. rows.Select(r => new PcnPopulation(r.Code, r.RegisteredPopulation, r.WeightedPopulation))]);
            if (!allocation.IsUsable)
            {
                throw new InvalidOperationException($"Demo fund {d.Name}: {allocation.Outcome.Explanation}");
            }

            var approvedAt = new DateTime(d.Year, 11, 2, 10, 0, 0, DateTimeKind.Utc);
            fund.Allocations.Add(new OdAllocationVersion
            {
                Number = 1,
                Status = OdAllocationStatus.Approved,
                Method = allocation.Method,
                Basis = allocation.Basis,
                RatePerPatient = allocation.RatePerPatient,
                PopulationDate = fund.PopulationDate,
                Distributable = allocation.Distributable,
                TotalAllocated = allocation.TotalAllocated,
                OutcomeCode = allocation.Outcome.Code,
                OutcomeMessage = allocation.Outcome.Explanation,
                ComputedAtUtc = approvedAt,
                ComputedBy = $"finance@{DemoCcg.EmailDomain}",
                ApprovedAtUtc = approvedAt,
                ApprovedBy = $"admin@{DemoCcg.EmailDomain}", // the person who computes an allocation cannot approve it
                Shares = [.. allocation.Shares.Select(s => new OdAllocationShare { PcnCode = s.PcnCode, PcnName = rows.First(r => r.Code == s.PcnCode).Name, Population = s.Population, Amount = s.Amount, Working = s.Working })],
            });
            db.OdFunds.Add(fund);
            funds.Add(fund);
        }

        await db.SaveChangesAsync(cancellationToken);

        // EOIs: earlier years approved and paid; 2021/22 in every state.
        var voters = panelUsers.Skip(1).ToList();
        var excluded = $"{panelUsers[0].DisplayName}: Excluded: Spouse is a salaried GP at a member practice ({DemoCcg.FirstPcnCode}), declared from 1 April 2019 to no end date.";
        var payments = new List<(OdEoi Eoi, OdPayment Payment)>();
        void AddEoi(OdFundRecord fund, string pcn, EoiStatus status, (string Support, string Deliverable, decimal Amount, string Domains)[] lines, string? reasons = null, string? conditions = null, DateOnly? paid = null)
        {
            var share = fund.Allocations[0].Shares.First(s => s.PcnCode == pcn).Amount;
            var submitted = status != EoiStatus.Draft;
            var eoi = new OdEoi
            {
                FundId = fund.Id,
                PcnCode = pcn,
                Status = status,
                ConfirmedNotFundedElsewhere = true,
                ClinicalDirectorConfirmed = submitted,
                ClinicalDirectorConfirmedBy = submitted ? "Clinical director" : null,
                ClinicalDirectorConfirmedAtUtc = submitted ? new DateTime(fund.StartYear + 1, 1, 10, 9, 0, 0, DateTimeKind.Utc) : null,
                SubmittedAtUtc = submitted ? new DateTime(fund.StartYear + 1, 1, 12, 9, 0, 0, DateTimeKind.Utc) : null,
                SubmittedBy = submitted ? "PCN manager" : null,
                Lines = [.. lines.Select((l, i) => new OdEoiLine { LineNumber = i + 1, SupportRequested = l.Support, Deliverable = l.Deliverable, Amount = Math.Min(l.Amount, share), DomainCodes = l.Domains })],
            };
            if (status is EoiStatus.Approved or EoiStatus.ApprovedWithConditions or EoiStatus.Returned or EoiStatus.Declined)
            {
                var outcome = status switch
                {
                    EoiStatus.Approved => PanelDecisionOutcome.Approved,
                    EoiStatus.ApprovedWithConditions => PanelDecisionOutcome.ApprovedWithConditions,
                    EoiStatus.Returned => PanelDecisionOutcome.ReturnedForMoreInformation,
                    _ => PanelDecisionOutcome.Declined,
                };
                var approving = outcome is PanelDecisionOutcome.Approved or PanelDecisionOutcome.ApprovedWithConditions;
                eoi.Decisions.Add(new OdPanelDecisionRecord
                {
                    DecisionDate = new DateOnly(fund.StartYear + 1, 2, 4),
                    Outcome = outcome,
                    Reasons = reasons,
                    Conditions = conditions,
                    ApprovedAmount = approving ? eoi.Total : null,
                    VoterIds = string.Join(",", voters.Select(v => v.Id)),
                    VoterNames = string.Join("; ", voters.Select(v => v.DisplayName)),
                    Excluded = pcn == DemoCcg.FirstPcnCode ? excluded : string.Empty,
                    RecordedBy = voters[0].DisplayName,
                    RecordedAtUtc = new DateTime(fund.StartYear + 1, 2, 4, 15, 0, 0, DateTimeKind.Utc),
                });
                if (approving)
                {
                    payments.Add((eoi, new OdPayment { FundId = fund.Id, PcnCode = pcn, Amount = eoi.Total, PaidDate = paid, Timing = paid is { } p && p > fund.Year.LastDay ? OdPaymentTiming.Retrospective : OdPaymentTiming.InYear }));
                }
            }

            db.OdEois.Add(eoi);
        }

        (string, string, decimal, string)[] workshops = [("Facilitated workshops on PCN priorities and ways of working", "Agreed PCN development plan and priorities for the year", 12_000m, "LPP,PPC")];
        (string, string, decimal, string)[] phm = [("Population health management data analysis (analyst time)", "Segmented population profile and two priority cohorts", 9_500m, "PHM"), ("Backfill for clinical supervision of new ARRS roles", "Supervision framework in place for all ARRS staff", 6_000m, "INT,RES")];
        (string, string, decimal, string)[] engagement = [("Community engagement events with the voluntary sector", "Three engagement events and a patient group for the PCN", 8_000m, "PPC"), ("PCN branding and website", "PCN identity and website for patients and partners", 3_500m, "LPP")];

        AddEoi(funds[0], "U90001", EoiStatus.Approved, workshops, paid: new DateOnly(2020, 3, 20));
        AddEoi(funds[0], "U90007", EoiStatus.Approved, phm, paid: new DateOnly(2020, 5, 12));
        AddEoi(funds[1], "U90001", EoiStatus.ApprovedWithConditions, engagement, conditions: "Share the engagement report with the locality board by September.", paid: new DateOnly(2021, 3, 15));
        AddEoi(funds[1], "U90008", EoiStatus.Declined, [("Replacement practice IT hardware", "New laptops for reception staff", 7_500m, "RES")], reasons: "Equipment for practices is not transformation funding and is funded elsewhere.");
        AddEoi(funds[2], "U90001", EoiStatus.Submitted, phm);
        AddEoi(funds[2], "U90002", EoiStatus.Approved, workshops);
        AddEoi(funds[2], "U90003", EoiStatus.ApprovedWithConditions, engagement, conditions: "Report progress against the maturity matrix at the mid-year review.", paid: new DateOnly(2022, 2, 28));
        AddEoi(funds[2], "U90004", EoiStatus.Returned, workshops, reasons: "Say who will facilitate the workshops and how the plan will be signed off by the member practices.");
        AddEoi(funds[2], "U90005", EoiStatus.Declined, [("Locum cover for routine appointments", "More appointments during winter", 9_000m, "RES")], reasons: "Routine service delivery is not organisational development.");
        AddEoi(funds[2], "U90007", EoiStatus.Draft, phm);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (eoi, payment) in payments)
        {
            payment.EoiId = eoi.Id;
            db.OdPayments.Add(payment);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
