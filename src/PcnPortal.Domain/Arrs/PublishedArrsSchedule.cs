namespace PcnPortal.Domain.Arrs;

/// <summary>
/// The published ARRS figures the portal seeds its reference data with (docs/arrs-reference-figures.md lists each
/// with its source). Where a year's figure is not in the sources the last known one is carried forward with
/// <c>CarriedForward = true</c>, so administrators can see and correct it.
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

    /// <summary>Last financial year (start) for which figures are carried forward explicitly.</summary>
    public const int CarryForwardThrough = 2025;

    private const string Domain = "domain.md ARRS, second-hand [check]";
    private const string Seed000T1 = "seed 000 §4.3 Table 1";

    public static ArrsReferenceData Create() => new(Roles(), Rates(), ArrSumMethods(), RoleLimits());

    public static IReadOnlyList<ArrsRole> Roles() =>
    [
        Role(ClinicalPharmacist, "Clinical pharmacist", "7-8a", 2019, 7, Seed000T1 + "; start date seed 000 §5.2"),
        Role(Splw, "Social prescribing link worker", "Up to band 5", 2019, 7, Seed000T1 + "; start date seed 000 §5.2"),
        Role(FcpPhysio, "First contact physiotherapist", "7-8a", 2020, 4, Seed000T1 + " (band); start date seed 000 §4.2"),
        Role(PhysicianAssociate, "Physician associate", "7", 2020, 4, Seed000T1 + " (band); start date seed 000 §4.2"),
        Role(Paramedic, "Paramedic", "6", 2021, 4, Seed000T1 + " (band); start date seed 000 §4.2"),
        Role(PharmacyTechnician, "Pharmacy technician", "", 2020, 4, Domain),
        Role(CareCoordinator, "Care coordinator", "", 2020, 4, Domain),
        Role(HealthWellbeingCoach, "Health and wellbeing coach", "", 2020, 4, Domain),
        Role(Dietitian, "Dietitian", "", 2020, 4, Domain),
        Role(Podiatrist, "Podiatrist", "", 2020, 4, Domain),
        Role(OccupationalTherapist, "Occupational therapist", "", 2020, 4, Domain),
        Role(NursingAssociate, "Nursing associate", "", 2020, 10, Domain),
        Role(TraineeNursingAssociate, "Trainee nursing associate", "", 2020, 10, Domain),
        Role(AdvancedPractitioner, "Advanced practitioner", "", 2021, 4, Domain),
        Role(MentalHealthPractitioner, "Mental health practitioner", "", 2021, 4, Domain),
        Role(GpAssistant, "GP assistant", "", 2022, 10, Domain),
        Role(DigitalTransformationLead, "Digital and transformation lead", "", 2022, 10, Domain),
        Role(ApprenticePhysicianAssociate, "Apprentice physician associate", "", 2023, 4, Domain),
        Role(EnhancedPracticeNurse, "Enhanced practice nurse", "", 2024, 4, Domain),
        Role(Gp, "Newly qualified GP", "", 2024, 10, Domain),
    ];

    /// <summary>Published schedule lines plus explicit carried-forward lines on 1 April of each year through <see cref="CarryForwardThrough"/>.</summary>
    public static IReadOnlyList<RoleRateEntry> Rates()
    {
        var published = new List<RoleRateEntry>
        {
            // 2019/20: 70% clinical pharmacists, 100% SPLWs. Seed 000 Table 2's £53,942.25 = 9/12 × (37,810 + 34,113) confirms both.
            Rate(ClinicalPharmacist, 2019, 7, 0.70m, 37_810m, "domain.md ARRS; confirmed by seed 000 Table 2 (£53,942.25 = 9/12 × (£37,810 + £34,113))"),
            Rate(Splw, 2019, 7, 1.00m, 34_113m, "domain.md ARRS; confirmed by seed 000 Table 2 (£53,942.25 = 9/12 × (£37,810 + £34,113))"),

            // February 2020 contract update: all roles 100% from April 2020.
            Rate(ClinicalPharmacist, 2020, 4, 1.00m, 55_670m, Domain),
            Rate(ClinicalPharmacist, 2022, 4, 1.00m, 57_318m, Domain),
            Rate(ClinicalPharmacist, 2022, 10, 1.00m, 59_312m, Domain + " (uplift 1 Oct 2022)"),
            Rate(ClinicalPharmacist, 2023, 7, 1.00m, 62_340m, Domain + " (uplift 1 Jul 2023)"),
            Rate(ClinicalPharmacist, 2024, 10, 1.00m, 65_838m, Domain + " (uplift 1 Oct 2024)"),
            Rate(ClinicalPharmacist, 2024, 10, 1.00m, 73_189m, Domain + " (uplift 1 Oct 2024, outer London)", AreaTier.OuterLondon),
            Rate(ClinicalPharmacist, 2024, 10, 1.00m, 76_313m, Domain + " (uplift 1 Oct 2024, inner London)", AreaTier.InnerLondon),

            // First contact physiotherapist: "physiotherapist as pharmacist" (seed 000 Table 1 gives them identical maximums).
            Rate(FcpPhysio, 2020, 4, 1.00m, 55_670m, "as clinical pharmacist (seed 000 Table 1 pairs them); " + Domain),
            Rate(FcpPhysio, 2022, 4, 1.00m, 57_318m, "as clinical pharmacist; " + Domain),
            Rate(FcpPhysio, 2022, 10, 1.00m, 59_312m, "as clinical pharmacist; " + Domain),
            Rate(FcpPhysio, 2023, 7, 1.00m, 62_340m, "as clinical pharmacist; " + Domain),
            Rate(FcpPhysio, 2024, 10, 1.00m, 65_838m, "as clinical pharmacist; " + Domain),

            Rate(Splw, 2022, 4, 1.00m, 38_187m, Domain),
            Rate(Splw, 2023, 4, 1.00m, 40_159m, Domain + " (2023/24; dated 1 April)"),

            Rate(CareCoordinator, 2020, 4, 1.00m, 29_726m, "2021/22 figure carried back to the role's start (no 2020/21 figure); " + Domain, carriedForward: true),
            Rate(CareCoordinator, 2021, 4, 1.00m, 29_726m, Domain),
            Rate(CareCoordinator, 2023, 4, 1.00m, 33_396m, Domain),

            Rate(AdvancedPractitioner, 2021, 4, 1.00m, 62_705m, Domain),
            Rate(AdvancedPractitioner, 2024, 4, 1.00m, 72_141m, Domain + " (2024/25; dated 1 April)"),

            Rate(NursingAssociate, 2020, 10, 1.00m, 29_135m, Domain + " (year not stated; dated from the role's start)"),
            Rate(TraineeNursingAssociate, 2020, 10, 1.00m, 25_671m, Domain + " (year not stated; dated from the role's start)"),

            // Mental health practitioners: 50%, the mental health trust pays the rest. No maximum in the sources.
            Rate(MentalHealthPractitioner, 2021, 4, 0.50m, null, Domain + " (rate only; no maximum in sources)"),

            Rate(Gp, 2024, 10, 1.00m, 92_462m, Domain),
            Rate(Gp, 2024, 10, 1.00m, 95_233m, Domain + " (London; applied to outer and inner)", AreaTier.OuterLondon),
            Rate(Gp, 2024, 10, 1.00m, 95_233m, Domain + " (London; applied to outer and inner)", AreaTier.InnerLondon),
        };

        return WithCarryForward(published);
    }

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
            Source = "seed 000 §4.3 Table 2 (£53,942.25 / £107,884.50 / £161,826.75)",
        },
        PerPatient(2020, 7.131m, 0m, Domain),
        PerPatient(2021, 7.131m, 0m, "2020/21 rate carried forward; no 2021/22 rate in sources", carriedForward: true),
        PerPatient(2022, 7.131m, 0m, "2020/21 rate carried forward; no 2022/23 rate in sources", carriedForward: true),
        PerPatient(2023, 22.671m, 0m, "domain.md ARRS"),
        PerPatient(2024, 22.894m, 1.303m, "domain.md ARRS"),
        PerPatient(2025, 26.631m, 0m, "domain.md ARRS"),
    ];

    public static IReadOnlyList<ArrsRoleLimit> RoleLimits() =>
    [
        Limit(ClinicalPharmacist, 2019, 1m, 2m, Domain + "; seed 000 Table 3 says 1 WTE per 30,000 weighted"),
        Limit(ClinicalPharmacist, 2020, null, null, "no cap from 2020/21 in sources"),
        Limit(Splw, 2019, 1m, 2m, Domain + "; seed 000 Table 3 says 1 WTE per 30,000 weighted"),
        Limit(Splw, 2020, null, null, "no cap from 2020/21 in sources"),
        Limit(AdvancedPractitioner, 2021, 1m, 1m, Domain),
        Limit(AdvancedPractitioner, 2022, 2m, 3m, Domain),
        Limit(AdvancedPractitioner, 2023, 3m, 6m, Domain),
        Limit(AdvancedPractitioner, 2024, null, null, Domain + " (none from 2024/25)"),
        Limit(MentalHealthPractitioner, 2021, 1m, 2m, Domain),
        Limit(MentalHealthPractitioner, 2022, 2m, 4m, Domain),
        Limit(MentalHealthPractitioner, 2023, 3m, 6m, Domain + "; 2023/24 cap carried forward to later years (not in sources)"),
        Limit(DigitalTransformationLead, 2022, 1m, 1m, Domain),
        Limit(EnhancedPracticeNurse, 2024, 1m, 2m, Domain),
    ];

    private static ArrsRole Role(string code, string name, string band, int year, int month, string source) =>
        new() { Code = code, Name = name, AfcBand = band, ReimbursableFrom = new DateOnly(year, month, 1), Source = source };

    private static RoleRateEntry Rate(string role, int year, int month, decimal rate, decimal? maximum, string source, AreaTier tier = AreaTier.National, bool carriedForward = false) =>
        new()
        {
            RoleCode = role,
            EffectiveFrom = new DateOnly(year, month, 1),
            AreaTier = tier,
            ReimbursementRate = rate,
            MaxReimbursablePerWteYear = maximum,
            CarriedForward = carriedForward,
            Source = source,
        };

    private static ArrSumMethod PerPatient(int year, decimal rate, decimal gpRate, string source, bool carriedForward = false) =>
        new()
        {
            FinancialYearStart = year,
            Kind = ArrSumKind.PerWeightedPatient,
            RatePerWeightedPatient = rate,
            GpRatePerWeightedPatient = gpRate,
            CarriedForward = carriedForward,
            Source = source,
        };

    private static ArrsRoleLimit Limit(string role, int year, decimal? below, decimal? atOrAbove, string source) =>
        new() { RoleCode = role, FromFinancialYearStart = year, MaxWte = below, MaxWteAtOrAboveThreshold = atOrAbove, PopulationThreshold = 100_000, Source = source };

    /// <summary>
    /// Adds a carried-forward line on 1 April of every year (for each role and tier that has a figure) where no
    /// published line starts that day, so each year's figure is a row an administrator can see and correct.
    /// </summary>
    private static List<RoleRateEntry> WithCarryForward(List<RoleRateEntry> published)
    {
        var result = new List<RoleRateEntry>(published);
        foreach (var group in published.GroupBy(r => (r.RoleCode, r.AreaTier)))
        {
            var ordered = group.OrderBy(r => r.EffectiveFrom).ToList();
            for (var year = ordered[0].EffectiveFrom.Year; year <= CarryForwardThrough; year++)
            {
                var april = new DateOnly(year, 4, 1);
                if (april <= ordered[0].EffectiveFrom || ordered.Any(r => r.EffectiveFrom == april))
                {
                    continue;
                }

                var last = ordered.Last(r => r.EffectiveFrom < april);
                var rate = year >= 2020 && last.EffectiveFrom.Year < 2020 && last.EffectiveFrom < new DateOnly(2020, 4, 1) ? 1.00m : last.ReimbursementRate;
                var note = rate != last.ReimbursementRate
                    ? $"maximum carried forward from {ArrsText.Date(last.EffectiveFrom)}; rate 100% from April 2020 (domain.md ARRS)"
                    : $"carried forward from {ArrsText.Date(last.EffectiveFrom)}; not in sources";
                result.Add(Rate(last.RoleCode, year, 4, rate, last.MaxReimbursablePerWteYear, note, last.AreaTier, carriedForward: true));
            }
        }

        return result.OrderBy(r => r.RoleCode, StringComparer.Ordinal).ThenBy(r => r.AreaTier).ThenBy(r => r.EffectiveFrom).ToList();
    }
}
