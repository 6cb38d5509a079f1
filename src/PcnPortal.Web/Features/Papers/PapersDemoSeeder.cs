using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Features.Maturity;
using PcnPortal.Web.Features.OdFunds;
using PcnPortal.Web.Features.Papers.Sections;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.DemoData;
using PcnPortal.Web.Infrastructure.Pdf;

namespace PcnPortal.Web.Features.Papers;

/// <summary>
/// Glossary, the DES payment rates (<see cref="PublishedDesRates"/>), and one PCCC meeting with two papers: a PCN update
/// (finalised) and an OD funds paper with the maturity appendix (draft).
/// </summary>
public sealed class PapersDemoSeeder : IDemoSeeder
{
    public int Order => 50;

    public async Task SeedAsync(PortalDbContext db, DemoSeedContext context, CancellationToken cancellationToken)
    {
        db.GlossaryTerms.AddRange(
            new GlossaryTerm { Term = "ARRS", Meaning = "Additional Roles Reimbursement Scheme: reimburses PCNs for additional staff in defined roles, up to each PCN's ARR Sum." },
            new GlossaryTerm { Term = "CCG", Meaning = "Clinical Commissioning Group." },
            new GlossaryTerm { Term = "DES", Meaning = "Directed Enhanced Service: the Network Contract DES sets out what PCNs deliver and how they are paid." },
            new GlossaryTerm { Term = "EOI", Meaning = "Expression of interest: a PCN's request for organisational development funding." },
            new GlossaryTerm { Term = "OD", Meaning = "Organisational development." },
            new GlossaryTerm { Term = "PCCC", Meaning = "Primary Care Commissioning Committee." },
            new GlossaryTerm { Term = "PCN", Meaning = "Primary Care Network: GP practices working together with community, mental health, social care, pharmacy, hospital and voluntary services, typically covering 30,000 to 50,000 patients." },
            new GlossaryTerm { Term = "PHM", Meaning = "Population health management." },
            new GlossaryTerm { Term = "WTE", Meaning = "Whole-time equivalent: contracted hours divided by 37.5." });

        // The DES payment rates for 2019/20 to now, with their status and citations (real deployments get them too).
        var heldYears = await db.DesFundingRates.Select(r => r.YearStart).Distinct().ToListAsync(cancellationToken);
        db.DesFundingRates.AddRange(PublishedDesRates.Rates().Where(r => !heldYears.Contains(r.YearStart)));

        var meeting = new CommitteeMeeting
        {
            CommitteeName = "Primary Care Commissioning Committee (PCCC)",
            Date = context.Today.AddDays(14),
            Time = "9.30am – 11.20am",
            Location = "Virtual meeting (Microsoft Teams)",
        };
        db.CommitteeMeetings.Add(meeting);

        var update = new CommitteePaper
        {
            Meeting = meeting,
            AgendaNumber = "7",
            Title = "Primary Care Networks (PCN) update",
            Purpose = PaperPurpose.Discussion,
            KeyPoints = "This paper provides an update on the following:\n- The PCN register: networks, member practices and populations\n- Maturity self-assessments: the 2021/22 round and movement since 2019/20\n- ARRS: spend against the ARR Sum, claims by role and the maximum reimbursable amounts\n- The Network Contract DES funding envelope\n- Risks to PCN resilience",
            Recommendations = "The Committee is asked to note the update on Primary Care Networks.",
            PreviouslyConsideredBy = "Primary Care Operational Group",
            DeclaredInterest = "All members of the PCCC who work in a PCN in receipt of DES funding have declared an interest. Clinical members may take part in discussion but not in decisions.",
            RiskAndAssurance = "The risks to PCN resilience and the mitigating actions are set out in the risk section of this paper.",
            FinancialImplications = "The DES payments are funded from the CCG's delegated primary medical care allocation. The funding envelope is shown in this paper.",
            LegalImplications = "The Network Contract DES is a national contract; the CCG follows its procurement policies for any support it commissions.",
            HealthInequalities = "PCNs work with area teams at locality level to reduce health inequalities across the CCG.",
            EqualityAndDiversity = "No equality impact assessment is needed for this update; each scheme it describes has its own.",
            PatientAndPublicInvolvement = "PCNs engage their patient participation groups; the CCG's engagement team supports them.",
            CommunicationsAndEngagement = "Updates are shared with PCN clinical directors at the monthly clinical directors' forum.",
            Authors = "Alex Morgan, Senior Contract Manager, Primary Care",
            SponsoringDirector = "Dr Priya Shah, Director of Primary Care",
        };
        db.CommitteePapers.Add(update);
        // The last round that has been reviewed (2021/22, compared with 2019/20): the current round is still open.
        var maturityDate = new DateOnly(2022, 3, 31);
        update.Sections.AddRange(
        [
            Text(1, "Purpose", "The purpose of this report is to update the Committee on Primary Care Network (PCN) development across the CCG: the register, maturity, funding and risks."),
            Text(2, "Background", "Since July 2019 every practice in the CCG has been a member of a PCN under the Network Contract DES.\n\n## PCN update\nPCNs continue to mature. Clinical directors meet monthly and the CCG's area teams support each network's development plan.\n- Every PCN has a nominated payee and a clinical director\n- Network agreements are signed and held by the CCG"),
            new PaperSection { Position = 3, Kind = PaperSectionKind.Data, Title = "PCN register summary", DataKey = "pcn-register", AsAt = context.Today, Body = "The table below is drawn from the PCN register." },
            new PaperSection { Position = 4, Kind = PaperSectionKind.Data, Title = "Maturity self-assessment", DataKey = "maturity", AsAt = maturityDate, ShowDetail = true, Body = "PCNs assess themselves against the maturity matrix each year; the CCG reviews and agrees the positions." },
            new PaperSection { Position = 5, Kind = PaperSectionKind.Data, Title = "Additional Roles Reimbursement Scheme (ARRS)", DataKey = "arrs", AsAt = context.Today, ShowDetail = true, Body = "PCNs claim monthly for staff in the additional roles above their March 2019 baseline; the contracts team checks every claim line against the scheme's rules before it is paid." },
            new PaperSection { Position = 6, Kind = PaperSectionKind.Data, Title = "Network Contract DES funding", DataKey = "des-funding", AsAt = new DateOnly(2019, 10, 1), Body = "For reference, the funding envelope of the first year of the DES (2019/20) applied to the PCNs' populations; each rate is shown with its status and source." },
            new PaperSection { Position = 7, Kind = PaperSectionKind.RiskTable, Title = "Risk implications" },
            new PaperSection { Position = 8, Kind = PaperSectionKind.Glossary, Title = "Glossary of terms and abbreviations", IsAppendix = true },
        ]);
        update.Risks.Add(new PaperRisk
        {
            Position = 1,
            Risk = "If PCNs are not resilient they will be unable to deliver primary care plans that support system-wide transformation",
            Mitigations = "- Internal communications plan to be built on and implemented\n- Wider stakeholder engagement plans to be developed\n- GP resilience tool to be applied to support PCNs\n- PCN organisational development plan produced with clinical directors",
            CurrentLikelihood = 3,
            CurrentImpact = 4,
            TargetLikelihood = 2,
            TargetImpact = 4,
        });

        var od = new CommitteePaper
        {
            Meeting = meeting,
            AgendaNumber = "8",
            Title = "PCN organisational development funds 2021/22",
            Purpose = PaperPurpose.Decision,
            KeyPoints = "- The national PCN OD allocation for 2021/22 was halved; the CCG has topped it up from GP transformation funding\n- Funds are shared between PCNs per patient on the unweighted population\n- PCNs bid through expressions of interest (EOI) showing progression in at least one maturity domain",
            Recommendations = "The Committee is asked to approve the allocation of OD funds to PCNs as set out in this paper.",
            DeclaredInterest = "Members who work in a PCN eligible for OD funding have declared an interest and will not take part in the decision.",
            RiskAndAssurance = "Panel sign-off of every EOI assures that funds are spent on PCN development only.",
            FinancialImplications = "The fund and its sources are set out in section 2.",
            Authors = "Jordan Lee, Primary Care Development Manager",
            SponsoringDirector = "Dr Priya Shah, Director of Primary Care",
        };
        db.CommitteePapers.Add(od);
        od.Sections.AddRange(
        [
            Text(1, "Purpose", "To set out the 2021/22 PCN organisational development (OD) funds and ask the Committee to approve their allocation."),
            new PaperSection { Position = 2, Kind = PaperSectionKind.Data, Title = "OD fund 2021/22", DataKey = "od-fund", AsAt = new DateOnly(2021, 10, 1), ShowDetail = true },
            Text(3, "How PCNs may use the funds", "An EOI must show how the work moves the PCN forward in at least one maturity domain. Funding should not be used for:\n- Work the contract, the CCG or another partner already funds\n- Non-transformation costs\n- Work unrelated to PCNs"),
            new PaperSection { Position = 4, Kind = PaperSectionKind.Data, Title = "PCN maturity matrix results 2021/22", DataKey = "maturity", AsAt = new DateOnly(2021, 11, 30), ShowDetail = true, IsAppendix = true },
            new PaperSection { Position = 5, Kind = PaperSectionKind.Glossary, Title = "Glossary of terms and abbreviations", IsAppendix = true },
        ]);
        await db.SaveChangesAsync(cancellationToken);

        // The seeder runs in the start-up scope, so these services share its database context.
        var clock = context.Services.GetRequiredService<TimeProvider>();
        var builder = new PaperDocumentBuilder(db, context.Services.GetRequiredService<PaperDataSections>());
        var renderer = (IPdfRenderer)context.Services.GetService(typeof(IPdfRenderer))!;
        var service = new PaperService(db, builder, renderer, clock);
        var loaded = await builder.LoadPaperAsync(update.Id, cancellationToken);
        await service.FinaliseAsync(loaded!, "Sam Secretary", cancellationToken, acknowledgeUnverified: true);
    }

    private static PaperSection Text(int position, string title, string body) =>
        new() { Position = position, Kind = PaperSectionKind.Text, Title = title, Body = body };
}
