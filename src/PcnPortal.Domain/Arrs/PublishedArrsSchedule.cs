using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs;

/// <summary>
/// The ARRS figures the portal seeds its reference data with, each with a <see cref="FigureStatus"/> and a citation
/// (docs/arrs-reference-figures.md lists them). Where a period's figure was not found the last known one is carried
/// forward as an explicit row with status CarriedForward, so administrators can see and correct it; where a role's
/// maximum was never found the row holds the rate only and the engine says no maximum is held.
/// </summary>
public static class PublishedArrsSchedule
{
    public const string ClinicalPharmacist = "CLINICAL_PHARMACIST";
    public const string Splw = "SPLW";
    public const string FcpPhysio = "FCP_PHYSIO";
    public const string PhysicianAssociate = "PHYSICIAN_ASSOCIATE";
    public const string Paramedic = "PARAMEDIC";
    public const string PharmacyTechnician = "PHARMACY_TECHNICIAN";
    public const string CareCoordinator = "CARE_COORDINATOR";
    public const string HealthWellbeingCoach = "HEALTH_WELLBEING_COACH";
    public const string Dietitian = "DIETITIAN";
    public const string Podiatrist = "PODIATRIST";
    public const string OccupationalTherapist = "OCCUPATIONAL_THERAPIST";
    public const string NursingAssociate = "NURSING_ASSOCIATE";
    public const string TraineeNursingAssociate = "TRAINEE_NURSING_ASSOCIATE";
    public const string AdvancedPractitioner = "ADVANCED_PRACTITIONER";
    public const string MentalHealthPractitioner = "MENTAL_HEALTH_PRACTITIONER";
    public const string GpAssistant = "GP_ASSISTANT";
    public const string DigitalTransformationLead = "DIGITAL_TRANSFORMATION_LEAD";
    public const string ApprenticePhysicianAssociate = "APPRENTICE_PHYSICIAN_ASSOCIATE";
    public const string EnhancedPracticeNurse = "ENHANCED_PRACTICE_NURSE";
    public const string Gp = "GP";

    /// <summary>Last financial year (start) for which figures are carried forward explicitly (2026/27: the current year).</summary>
    public const int CarryForwardThrough = 2026;

    /// <summary>
    /// The dates within a year on which every non-GP maximum was uplifted (NHS England, as reported: 1 Oct 2022,
    /// 1 Jul 2023, 1 Oct 2024). A role with no figure found for one of them gets an explicit carried-forward line.
    /// </summary>
    public static readonly IReadOnlyList<DateOnly> UpliftDates = [new(2022, 10, 1), new(2023, 7, 1), new(2024, 10, 1)];

    private const FigureStatus Reported = FigureStatus.ReportedSecondary;
    private const FigureStatus Unverified = FigureStatus.Unverified;

    public static ArrsReferenceData Create() => new(Roles(), Rates(), ArrSumMethods(), RoleLimits());

    public static IReadOnlyList<ArrsRole> Roles() =>
    [
        Role(ClinicalPharmacist, "Clinical pharmacist", "7-8a", 2019, 7, "From 1 July 2019 (DES start): " + Cite.Bnssg2019),
        Role(Splw, "Social prescribing link worker", "Up to band 5", 2019, 7, "From 1 July 2019 (DES start): " + Cite.Bnssg2019),
        Role(FcpPhysio, "First contact physiotherapist", "7-8a", 2020, 4, "From April 2020: " + Cite.Csp2020),
        Role(PhysicianAssociate, "Physician associate", "7", 2020, 4, "From April 2020: " + Cite.Agreement2020),
        Role(Paramedic, "Paramedic", "6", 2021, 4, "From 2021/22: " + Cite.Bnssg2019),
        Role(PharmacyTechnician, "Pharmacy technician", "5", 2020, 4, "From April 2020: " + Cite.Cd2020),
        Role(CareCoordinator, "Care coordinator", "4", 2020, 4, "From April 2020: " + Cite.Agreement2020),
        Role(HealthWellbeingCoach, "Health and wellbeing coach", "Up to band 5", 2020, 4, "From April 2020: " + Cite.Agreement2020),
        Role(Dietitian, "Dietitian", "7", 2020, 4, "From April 2020 (start date unverified: not stated in the sources read); band: " + Cite.Arjus2425),
        Role(Podiatrist, "Podiatrist", "7", 2020, 4, "From April 2020 (start date unverified: not stated in the sources read); band: " + Cite.Arjus2425),
        Role(OccupationalTherapist, "Occupational therapist", "7", 2020, 4, "From April 2020 (start date unverified: not stated in the sources read); band: " + Cite.Arjus2425),
        Role(NursingAssociate, "Nursing associate", "4", 2020, 10, "From 1 October 2020 (DES amendment): " + Cite.Bma2020),
        Role(TraineeNursingAssociate, "Trainee nursing associate", "3", 2020, 10, "From 1 October 2020 (DES amendment): " + Cite.Bma2020),
        Role(AdvancedPractitioner, "Advanced practitioner", "8a", 2021, 4, "From April 2021: " + Cite.Bma2021),
        Role(MentalHealthPractitioner, "Mental health practitioner", "5-8a", 2021, 4, "From April 2021: " + Cite.GmMhp),
        Role(GpAssistant, "GP assistant", "4", 2022, 10, "From 1 October 2022: " + Cite.Pulse2022),
        Role(DigitalTransformationLead, "Digital and transformation lead", "8a", 2022, 10, "From 1 October 2022: " + Cite.Pulse2022),
        Role(ApprenticePhysicianAssociate, "Apprentice physician associate", "5", 2023, 4, "From April 2023: " + Cite.Haso2023),
        Role(EnhancedPracticeNurse, "Enhanced practice nurse", "7", 2024, 4, "From April 2024: " + Cite.Pulse2024Mar),
        Role(Gp, "Newly qualified GP", "", 2024, 10, "From 1 October 2024: " + Cite.Pulse2024Sep),
    ];

    /// <summary>
    /// Schedule lines found in the sources (each with its status and citation), lines for roles with no maximum
    /// found (rate only: the engine then says no maximum is held), and explicit carried-forward lines on 1 April of
    /// each year through <see cref="CarryForwardThrough"/> and on each uplift date with no figure.
    /// </summary>
    public static IReadOnlyList<RoleRateEntry> Rates()
    {
        var found = new List<RoleRateEntry>
        {
            // 2019/20: 70% clinical pharmacists, 100% SPLWs. £53,942.25 = 9/12 × (£37,810 + £34,113) (BNSSG Table 2).
            Rate(ClinicalPharmacist, 2019, 7, 0.70m, 37_810m, Reported, "£37,810 (70%): " + Cite.Pj2020 + "; 70%: " + Cite.Mip2019),
            Rate(Splw, 2019, 7, 1.00m, 34_113m, Reported, "£34,113 (100%) implied by " + Cite.Bnssg2019 + " (£53,942.25 = 9/12 × (£37,810 + £34,113)); RBP, 'Have you joined a PCN yet?', 10 Apr 2019, https://rbp.co.uk/news/have-you-joined-a-primary-care-network-pcn-yet gives £34,110"),

            // February 2020 agreement: all roles 100% from April 2020.
            Rate(ClinicalPharmacist, 2020, 4, 1.00m, 55_670m, Reported, Cite.Pj2020 + "; " + Cite.GmCp),
            Rate(ClinicalPharmacist, 2022, 4, 1.00m, 57_318m, Reported, Cite.Cd2022),
            Rate(ClinicalPharmacist, 2022, 10, 1.00m, 59_312m, Reported, Cite.Cd2022 + " (NHS England letter 26 Sep 2022)"),
            Rate(ClinicalPharmacist, 2022, 10, 1.00m, 68_768m, Reported, "Inner London: " + Cite.Cd2022, AreaTier.InnerLondon),
            Rate(ClinicalPharmacist, 2023, 7, 1.00m, 62_340m, Reported, Cite.Mip2023),
            Rate(ClinicalPharmacist, 2024, 10, 1.00m, 65_838m, Reported, Cite.Pharm2024),
            Rate(ClinicalPharmacist, 2024, 10, 1.00m, 73_189m, Reported, "Outer London: " + Cite.Pharm2024, AreaTier.OuterLondon),
            Rate(ClinicalPharmacist, 2024, 10, 1.00m, 76_313m, Reported, "Inner London: " + Cite.Pharm2024, AreaTier.InnerLondon),

            // First contact physiotherapist: the same maximums as clinical pharmacists where a source lists both.
            Rate(FcpPhysio, 2020, 4, 1.00m, 55_670m, Unverified, "Taken as the clinical pharmacist figure (the BNSSG paper Table 1 pairs them); no 2020/21 physiotherapist figure found. Rate 100%: " + Cite.Csp2020),
            Rate(FcpPhysio, 2022, 4, 1.00m, 57_318m, Unverified, "Taken as the clinical pharmacist figure; no physiotherapist figure found for April 2022"),
            Rate(FcpPhysio, 2022, 10, 1.00m, 59_312m, Reported, "In force before 1 Jul 2023 ('before uplift'); start date 1 Oct 2022 inferred: " + Cite.Mip2023),
            Rate(FcpPhysio, 2023, 7, 1.00m, 62_340m, Reported, Cite.Mip2023),
            Rate(FcpPhysio, 2024, 10, 1.00m, 65_838m, Unverified, "Taken as the clinical pharmacist figure (" + Cite.Pharm2024 + "); no physiotherapist figure found for 1 Oct 2024"),

            Rate(Splw, 2020, 4, 1.00m, 35_389m, Reported, Cite.GmSplw),
            Rate(Splw, 2022, 4, 1.00m, 36_428m, Reported, "'2022/2023 ... £36,428 reimbursable' (date 1 Apr 2022 presumed): " + Cite.Mip2023Splw),
            Rate(Splw, 2022, 10, 1.00m, 38_187m, Reported, "In force before 1 Jul 2023; start date 1 Oct 2022 inferred: " + Cite.Mip2023),
            Rate(Splw, 2023, 7, 1.00m, 40_159m, Reported, Cite.Mip2023),

            Rate(PharmacyTechnician, 2020, 4, 1.00m, 35_389m, Reported, Cite.Cd2020),
            Rate(PharmacyTechnician, 2022, 10, 1.00m, 38_187m, Reported, "In force before 1 Jul 2023; start date 1 Oct 2022 inferred: " + Cite.Mip2023),
            Rate(PharmacyTechnician, 2023, 7, 1.00m, 40_159m, Reported, Cite.Mip2023),
            Rate(PharmacyTechnician, 2024, 10, 1.00m, 42_437m, Reported, Cite.Pharm2024),
            Rate(PharmacyTechnician, 2024, 10, 1.00m, 48_991m, Reported, "Outer London: " + Cite.Pharm2024, AreaTier.OuterLondon),
            Rate(PharmacyTechnician, 2024, 10, 1.00m, 51_176m, Reported, "Inner London: " + Cite.Pharm2024, AreaTier.InnerLondon),

            Rate(CareCoordinator, 2020, 4, 1.00m, null, Reported, "Rate 100% from April 2020: " + Cite.Agreement2020 + ". No 2020/21 maximum found"),
            Rate(CareCoordinator, 2021, 4, 1.00m, 29_726m, Reported, "As published May 2021 (before the 3% uplift backdated to April 2021, figure not found): " + Cite.Bma2021),
            Rate(CareCoordinator, 2022, 10, 1.00m, 31_746m, Reported, "In force before 1 Jul 2023; start date 1 Oct 2022 inferred: " + Cite.Mip2023),
            Rate(CareCoordinator, 2023, 7, 1.00m, 33_396m, Reported, Cite.Mip2023),

            Rate(AdvancedPractitioner, 2021, 4, 1.00m, 62_705m, Reported, "As published May 2021 (before the 3% uplift backdated to April 2021, figure not found): " + Cite.Bma2021),
            Rate(AdvancedPractitioner, 2024, 10, 1.00m, 72_141m, Reported, Cite.Pharm2024),
            Rate(AdvancedPractitioner, 2024, 10, 1.00m, 79_492m, Reported, "Outer London: " + Cite.Pharm2024, AreaTier.OuterLondon),
            Rate(AdvancedPractitioner, 2024, 10, 1.00m, 82_616m, Reported, "Inner London: " + Cite.Pharm2024, AreaTier.InnerLondon),

            Rate(NursingAssociate, 2020, 10, 1.00m, 29_135m, Reported, Cite.Bma2020),
            Rate(TraineeNursingAssociate, 2020, 10, 1.00m, 25_671m, Reported, Cite.Bma2020),

            // Mental health practitioners: 50% through the ARRS from April 2021 (the mental health trust pays the rest);
            // fully fundable from April 2024. No £ maximum found in any source.
            Rate(MentalHealthPractitioner, 2021, 4, 0.50m, null, Reported, "Rate 50%: " + Cite.GmMhp + ". No maximum found"),
            Rate(MentalHealthPractitioner, 2024, 4, 1.00m, null, Reported, "Rate 100% ('fully funded by the ARRS'): " + Cite.Pulse2024Mar + "; a 2026/27 calculator describes 50% for the first MHP per band and up to 100% for further ones (unverified). No maximum found"),

            Rate(Gp, 2024, 10, 1.00m, 92_462m, Reported, Cite.Pulse2024Sep),
            Rate(Gp, 2024, 10, 1.00m, 95_233m, Reported, "London (no inner/outer split; applied to both): " + Cite.Pulse2024Sep, AreaTier.OuterLondon),
            Rate(Gp, 2024, 10, 1.00m, 95_233m, Reported, "London (no inner/outer split; applied to both): " + Cite.Pulse2024Sep, AreaTier.InnerLondon),
            Rate(Gp, 2025, 4, 1.00m, 105_882m, Reported, Cite.Humber2526),
        };

        // Roles reimbursed at 100% whose maximum was not found in any source: a line is assessed against every other
        // rule and pays £0 with "no published maximum held" until an administrator records the figure with its source.
        foreach (var (role, year, month, band) in NoMaximumFound)
        {
            found.Add(Rate(role, year, month, 1.00m, null, Reported, $"Rate 100% of cost for all roles from April 2020: {Cite.Agreement2020}. No published maximum found for this role{band}"));
        }

        return WithCarryForward(found);
    }

    /// <summary>Roles with no £ maximum in any source read (docs/arrs-reference-figures.md), with what is known of the band.</summary>
    private static readonly (string Role, int Year, int Month, string Band)[] NoMaximumFound =
    [
        (PhysicianAssociate, 2020, 4, " (band 7)"),
        (Paramedic, 2021, 4, " (band 6-7)"),
        (HealthWellbeingCoach, 2020, 4, " (up to band 5)"),
        (Dietitian, 2020, 4, " (band 7)"),
        (Podiatrist, 2020, 4, " (band 7)"),
        (OccupationalTherapist, 2020, 4, " (band 7)"),
        (GpAssistant, 2022, 10, ": 'maximum reimbursement equivalent of an Agenda for Change band 4' (" + Cite.Pulse2022 + ")"),
        (DigitalTransformationLead, 2022, 10, " (band 8a)"),
        (ApprenticePhysicianAssociate, 2023, 4, ": 'equivalent to Band 5' (" + Cite.Haso2023 + ")"),
        (EnhancedPracticeNurse, 2024, 4, " (band 7)"),
    ];

    public static IReadOnlyList<ArrSumMethod> ArrSumMethods() =>
    [
        new ArrSumMethod
        {
            FinancialYearStart = 2019,
            Kind = ArrSumKind.BandedRoleMaximums,
            MonthsFunded = 9,
            BandRoleCodes = ClinicalPharmacist + "," + Splw,
            DoubleFromPopulation = 100_000,
            TripleFromPopulation = 150_000,
            Status = Reported,
            Source = "£53,942.25 / £107,884.50 / £161,826.75: " + Cite.Bnssg2019 + "; practiceindex.co.uk, 'A brief guide to PCN finance', https://practiceindex.co.uk/gp/blog/brief-guide-pcn-finance/ (£53,942)",
        },
        PerPatient(2020, 7.131m, 0m, Unverified, "Not found in any source read. Consistent with £430m nationally (" + Cite.Agreement2020 + ") ÷ about 60.3 million weighted patients, which is arithmetic, not a source"),
        PerPatient(2021, 12.30m, 0m, Reported, "Rounded figure only ('up from £12.30' per patient; £746m nationally): " + Cite.Mip2022 + "; the DES figure to 3 decimal places was not found", rounded: true),
        PerPatient(2022, 16.70m, 0m, Reported, "Rounded figure only ('£16.70 per patient'; £1.02bn nationally): " + Cite.Mip2022 + "; the DES figure to 3 decimal places was not found", rounded: true),
        PerPatient(2023, 22.671m, 0m, Reported, Cite.Nel2023),
        PerPatient(2024, 22.894m, 1.303m, Reported, "£22.894 and the ring-fenced GP sum £1.303 (GPs only): " + Cite.Pulse2024Sep),
        PerPatient(2025, 26.631m, 0m, Reported, "GP funding combined into the main sum: " + Cite.Pulse2025),
        new ArrSumMethod
        {
            FinancialYearStart = 2026,
            Kind = ArrSumKind.PerWeightedPatient,
            RatePerWeightedPatient = 26.631m,
            Status = FigureStatus.CarriedForward,
            CarriedForwardFrom = new DateOnly(2025, 4, 1),
            Source = "2026/27 rate not found (national pool £1,754m provisional: South Staffordshire LMCs, 'PCN ARRS 2026/27', https://www.sslmcs.co.uk/resources/gp-contract-2026-27/pcn-arrs-2026-27); 2025/26 rate repeated",
        },
    ];

    public static IReadOnlyList<ArrsRoleLimit> RoleLimits() =>
    [
        Limit(ClinicalPharmacist, 2019, 1m, 2m, Reported, "One pharmacist, two over 100,000 patients: " + Cite.Pj2020 + "; Wessex LMCs, 'PCN Workforce - ARRS', https://www.wessexlmcs.com/pcnworkforcearrs"),
        Limit(ClinicalPharmacist, 2020, null, null, Unverified, "No cap from 2020/21 found in the sources read"),
        Limit(Splw, 2019, 1m, 2m, Unverified, "One per PCN (Wessex LMCs, 'PCN Workforce - ARRS', https://www.wessexlmcs.com/pcnworkforcearrs); two over 100,000 taken as for pharmacists, not found"),
        Limit(Splw, 2020, null, null, Unverified, "No cap from 2020/21 found in the sources read"),
        Limit(PharmacyTechnician, 2020, 1m, 2m, Reported, "One, two 'in those PCNs with a population of over 100,000 patients': " + Cite.Cd2020),
        Limit(PharmacyTechnician, 2021, null, null, Reported, "Limit removed from April 2021: Pharmacy Magazine, 'More money for GPs as 2021/22 contract details revealed', Jan 2021, https://www.pharmacymagazine.co.uk/news/more-money-for-gps-as-202122"),
        Limit(AdvancedPractitioner, 2021, 1m, 1m, Reported, "One per PCN: BOB primary care careers, 'ARRS', c. Dec 2021, https://primarycarecareers-bob.nhs.uk/arrs/"),
        Limit(AdvancedPractitioner, 2022, 2m, 3m, Reported, "'from two to three' (2023/24 wording): " + Cite.Ncl),
        Limit(AdvancedPractitioner, 2023, 3m, 6m, Reported, "'99,999 or fewer ... 100,000 or over': " + Cite.Ncl),
        Limit(AdvancedPractitioner, 2024, null, null, Reported, "Cap removed: " + Cite.Pulse2024Mar),
        Limit(MentalHealthPractitioner, 2021, 1m, 2m, Reported, Cite.GmMhp + "; Management in Practice, 'PCNs to share costs of mental health workers with community trusts', 22 Jan 2021, https://managementinpractice.com/news/pcns-to-share-costs-of-mental-health-workers-with-community-trusts/"),
        Limit(MentalHealthPractitioner, 2022, 2m, 4m, Reported, Cite.Mip2022),
        Limit(MentalHealthPractitioner, 2023, null, null, Reported, "All caps removed from April 2023: " + Cite.Ncl + "; PKF Francis Clark, 'Healthcare: 2023/24 update to the GP contract', https://pkf-francisclark.co.uk/?p=1632"),
        Limit(DigitalTransformationLead, 2022, 1m, 1m, Reported, "'Capped at one per PCN': " + Cite.Pulse2022),
        Limit(DigitalTransformationLead, 2025, null, null, Reported, Cite.NoCaps2025),
        Limit(EnhancedPracticeNurse, 2024, 1m, 2m, Reported, "One, two 'where the patient list size is 100,000 plus': " + Cite.Pulse2024Mar),
        Limit(EnhancedPracticeNurse, 2025, null, null, Reported, Cite.NoCaps2025),
    ];

    private static ArrsRole Role(string code, string name, string band, int year, int month, string source) =>
        new() { Code = code, Name = name, AfcBand = band, ReimbursableFrom = new DateOnly(year, month, 1), Source = source };

    private static RoleRateEntry Rate(string role, int year, int month, decimal rate, decimal? maximum, FigureStatus status, string source, AreaTier tier = AreaTier.National) =>
        new()
        {
            RoleCode = role,
            EffectiveFrom = new DateOnly(year, month, 1),
            AreaTier = tier,
            ReimbursementRate = rate,
            MaxReimbursablePerWteYear = maximum,
            Status = status,
            Source = source,
        };

    private static ArrSumMethod PerPatient(int year, decimal rate, decimal gpRate, FigureStatus status, string source, bool rounded = false) =>
        new()
        {
            FinancialYearStart = year,
            Kind = ArrSumKind.PerWeightedPatient,
            RatePerWeightedPatient = rate,
            GpRatePerWeightedPatient = gpRate,
            Status = status,
            Rounded = rounded,
            Source = source,
        };

    private static ArrsRoleLimit Limit(string role, int year, decimal? below, decimal? atOrAbove, FigureStatus status, string source) =>
        new()
        {
            RoleCode = role,
            FromFinancialYearStart = year,
            MaxWte = below,
            MaxWteAtOrAboveThreshold = atOrAbove,
            PopulationThreshold = 100_000,
            Status = status,
            Source = source + ThresholdNote(below, atOrAbove),
        };

    private static string ThresholdNote(decimal? below, decimal? atOrAbove) =>
        below != atOrAbove
            ? ". The 100,000 threshold: sources say 'patients' or 'list size' (registered likelier), not confirmed; the portal compares the PCN's weighted population"
            : "";

    /// <summary>
    /// Adds an explicit carried-forward line (for each role and tier with a maximum) on 1 April of every year and on
    /// each uplift date where no line was found, so every period's figure is a row an administrator can see and
    /// correct. A London line is carried forward only while it is above the national line in force (otherwise the
    /// national figure applies, as <see cref="ArrsReferenceData.RateInForce(string, AreaTier, DateOnly)"/> does).
    /// </summary>
    private static List<RoleRateEntry> WithCarryForward(List<RoleRateEntry> found)
    {
        var result = new List<RoleRateEntry>(found);
        var dates = Enumerable.Range(2019, CarryForwardThrough - 2019 + 1).Select(y => new DateOnly(y, 4, 1)).Concat(UpliftDates).Order().ToList();
        foreach (var group in found.GroupBy(r => (r.RoleCode, r.AreaTier)).OrderBy(g => g.Key.AreaTier))
        {
            var ordered = group.OrderBy(r => r.EffectiveFrom).ToList();
            foreach (var date in dates)
            {
                if (date <= ordered[0].EffectiveFrom || ordered.Any(r => r.EffectiveFrom == date))
                {
                    continue;
                }

                var last = ordered.Last(r => r.EffectiveFrom < date);
                if (last.MaxReimbursablePerWteYear is not { } maximum)
                {
                    continue;
                }

                if (group.Key.AreaTier != AreaTier.National
                    && result.Where(r => r.RoleCode == group.Key.RoleCode && r.AreaTier == AreaTier.National && r.EffectiveFrom <= date).MaxBy(r => r.EffectiveFrom) is { } national
                    && national.EffectiveFrom > last.EffectiveFrom && national.MaxReimbursablePerWteYear >= maximum)
                {
                    continue;
                }

                // The 2019/20 70% rate ended with the February 2020 agreement: 100% for all roles from April 2020.
                var rate = date >= new DateOnly(2020, 4, 1) && last.EffectiveFrom < new DateOnly(2020, 4, 1) ? 1.00m : last.ReimbursementRate;
                var origin = last.CarriedForwardFrom ?? last.EffectiveFrom;
                var note = $"No figure found for {ArrsText.Date(date)}; the {ArrsText.Date(origin)} maximum is repeated"
                    + (rate != last.ReimbursementRate ? $"; rate 100% from April 2020 ({Cite.Agreement2020})" : "")
                    + (date.Year >= 2025 ? $". 2025/26 maximums were uplifted and backdated to 1 April 2025 (figures not seen): {Cite.Nel2025}" : "");
                var carried = new RoleRateEntry
                {
                    RoleCode = last.RoleCode,
                    EffectiveFrom = date,
                    AreaTier = last.AreaTier,
                    ReimbursementRate = rate,
                    MaxReimbursablePerWteYear = maximum,
                    Status = FigureStatus.CarriedForward,
                    CarriedForwardFrom = origin,
                    Source = note,
                };
                result.Add(carried);
                ordered.Add(carried);
                ordered.Sort((a, b) => a.EffectiveFrom.CompareTo(b.EffectiveFrom));
            }
        }

        return result.OrderBy(r => r.RoleCode, StringComparer.Ordinal).ThenBy(r => r.AreaTier).ThenBy(r => r.EffectiveFrom).ToList();
    }

    /// <summary>Citations (publisher, title, date, URL) for the figures above; docs/arrs-reference-figures.md lists each figure with its source.</summary>
    internal static class Cite
    {
        public const string Bnssg2019 = "NHS Bristol, North Somerset and South Gloucestershire CCG, PCCC paper 'Primary Care Networks update', Oct 2019, §4.3 Tables 1-2 (quoting NHS England ARRS guidance, Aug 2019)";
        public const string Agreement2020 = "NHS England and BMA, 'Update to the GP contract agreement 2020/21-2023/24', 6 Feb 2020 (Barnsley LMC copy, https://barnsleylmc.co.uk/?p=1)";
        public const string Pj2020 = "The Pharmaceutical Journal, 'Primary care networks to be fully reimbursed for pharmacists under updated GP contract', Feb 2020, https://pharmaceutical-journal.com/article/news/primary-care-networks-to-be-fully-reimbursed-for-pharmacists-under-updated-gp-contract";
        public const string Mip2019 = "Management in Practice, 'Explainer: primary care networks and the additional roles reimbursement scheme', 2019, https://managementinpractice.com/news/explainer-primary-care-networks-and-the-additional-roles-reimbursement-scheme";
        public const string GmCp = "Greater Manchester Primary Care Careers, 'Clinical Pharmacist', https://gmprimarycarecareers.org.uk/generalpractice/new-roles/clinical-pharmacist/";
        public const string GmSplw = "Greater Manchester Training Hub, 'Social Prescriber', https://gmthub.co.uk/primary-care-directory/roles-in-primary-care/social-prescriber";
        public const string GmMhp = "Greater Manchester Primary Care Careers, 'Mental Health Practitioner', https://gmprimarycarecareers.org.uk/generalpractice/new-roles/mental-health-practitioner/";
        public const string Csp2020 = "Chartered Society of Physiotherapy, 'The new GP contract', Feb 2020, https://casestudies.csp.org.uk/node/1281047";
        public const string Cd2020 = "Chemist + Druggist, 'Pharmacy technician roles in PCNs to be fully reimbursed from April', 7 Feb 2020, https://www.chemistanddruggist.co.uk/news/pharmacy-technician-roles-pcns-fully-reimbursed-april";
        public const string Cd2022 = "Chemist + Druggist, 'Unfair advantage: PCNs see increase in reimbursable pay for pharmacists', 13 Oct 2022, https://www.chemistanddruggist.co.uk/CD136485/Unfair-advantage-PCNs-see-increase-in-reimbursable-pay-for-pharmacists";
        public const string Bma2020 = "BMA, 'Primary care network funding', updated 26 Nov 2020, https://www.bma.org.uk/advice-and-support/gp-practices/primary-care-networks/primary-care-network-funding";
        public const string Bma2021 = "BMA, 'Primary care network funding', updated 10 May 2021, table 'Annual reimbursement rates 2021/22', https://www.bma.org.uk/advice-and-support/gp-practices/primary-care-networks/primary-care-network-funding";
        public const string Mip2022 = "Management in Practice, 'What are the funding implications of the new network DES?', 4 Apr 2022, https://managementinpractice.com/practice-intelligence/finance/what-are-the-funding-implications-of-the-new-network-des/";
        public const string Pulse2022 = "Pulse, 'Explainer: The new ARRS additions', Oct 2022, https://www.pulsetoday.co.uk/analysis/pulse-pcn/explainer-the-new-arrs-additions/";
        public const string Mip2023Splw = "Management in Practice, 'How social prescribing link workers can support your practice team', 17 Feb 2023, https://managementinpractice.com/practice-intelligence/how-social-prescribing-link-workers-can-support-your-practice-team";
        public const string Haso2023 = "Skills for Health HASO, 'Physician Associate FAQ Updated', 15 Mar 2023, https://haso.skillsforhealth.org.uk/news/physician-associate-faq-updated-2/";
        public const string Mip2023 = "Management in Practice, 'Total ARRS budget will not account for Agenda for Change uplift', 14 Jun 2023 (table: source NHS England; from 1 Jul 2023), https://managementinpractice.com/news/total-arrs-budget-will-not-account-for-agenda-for-change-uplift";
        public const string Nel2023 = "NHS North East London ICB, 'PCN - ARRS update' (2023/24, quoting the DES: '£22.671 multiplied [by] the PCN contractor weighted population as at January 2023'), https://primarycare.northeastlondon.icb.nhs.uk/news/pcn-arrs-update";
        public const string Ncl = "North Central London Training Hub, 'Additional Roles Reimbursement Scheme' (2023), https://www.ncltraininghub.org/training-and-support/additional-reimbursement-scheme";
        public const string Pulse2024Mar = "Pulse, 'Unclaimed ARRS funding will not be available to PCNs, according to new contract', Mar 2024 (NHS England letter 28 Feb 2024), https://pulsetoday.co.uk/pulse-pcn/unclaimed-arrs-funding-will-not-be-available-to-pcns-according-to-new-contract";
        public const string Pulse2024Sep = "Pulse, 'PCNs can claim more for ARRS staff but funding remains flat', 27 Sep 2024 (DES revised 26 Sep 2024), https://pulsetoday.co.uk/pulse-pcn/pcns-can-claim-more-for-arrs-staff-but-funding-remains-flat";
        public const string Pharm2024 = "The Pharmacist, 'PCNs can claim more per ARRS role but no overall funding increase', Sep 2024 (from 1 Oct 2024), https://thepharmacist.co.uk/in-practice/pcns-can-claim-more-per-arrs-role-but-no-overall-funding-increase";
        public const string Arjus2425 = "arjus.co.uk 2024/25 ARRS ready reckoner role list, https://arjus.co.uk/pcn_calculator_2425.php";
        public const string Pulse2025 = "Pulse, 'Consultant nurses added to ARRS in new network contract', 28 Mar 2025 (DES published 27 Mar 2025), https://pulsetoday.co.uk/pulse-pcn/consultant-nurses-added-to-arrs-in-new-network-contract";
        public const string Humber2526 = "Humberside LMC, 'Guidance - Network Contract DES 2025/26: Requirements and Entitlements', Mar 2025, https://humbersidelmc.org.uk/network-contract-des-202526/";
        public const string Nel2025 = "NHS North East London ICB, 'ARRS Maximum Reimbursement Rates Updated & Backdated', 2025, https://primarycare.northeastlondon.icb.nhs.uk/comms-news/notification-arrs-maximum-reimbursement-rates-updated-backdated-action-required-by-icbs-and-pcns";
        public const string NoCaps2025 = "No restriction on number or type of staff in 2025/26: written answer HL10018 (Baroness Merron, 15 Sep 2025), https://www.parallelparliament.co.uk/question/HL10018/mental-health-services-staff; Hill Dickinson, 'NHS England has published its changes to the GP contract for 2025/26', https://www.hilldickinson.com/our-view/articles/nhs-england-has-published-its-changes-to-the-gp-contract-for-202526";
    }
}
