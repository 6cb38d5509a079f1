using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Papers;

/// <summary>
/// The Network Contract DES payment rates per patient from 2019/20 to now, each with its status and citation
/// (docs/arrs-reference-figures.md, "Other DES payments"). Only payments made per registered, weighted or adjusted
/// patient are listed (not the care home premium, per bed, or the IIF). Payments whose rate for a year was not found
/// are left out of that year, and the year after the last found is carried forward explicitly.
/// </summary>
public static class PublishedDesRates
{
    public const string CorePcnFunding = "Core PCN funding";
    public const string CorePcnFundingRegistered = "Core PCN funding (registered part)";
    public const string CorePcnFundingAdjusted = "Core PCN funding (adjusted part)";
    public const string ClinicalDirector = "Clinical director";
    public const string ExtendedHours = "Extended hours access";
    public const string EnhancedAccess = "Enhanced access";
    public const string LeadershipManagement = "Leadership and management";
    public const string Casp = "Capacity and access support payment";
    public const string Caip = "Capacity and access improvement payment";
    public const string PcnSupport = "PCN support payment";
    public const string NetworkParticipation = "Network participation payment";

    private const FigureStatus Reported = FigureStatus.ReportedSecondary;

    private const string Pq2019 = "Written answer (Seema Kennedy), 5 Jun 2019, https://parallelparliament.co.uk/question/257552";
    private const string Bnssg2019 = "NHS Bristol, North Somerset and South Gloucestershire CCG, PCCC paper 'Primary Care Networks update', Oct 2019, §4.3 Table 3";
    private const string Bma2020 = "BMA, 'Primary care network funding', updated 26 Nov 2020, https://www.bma.org.uk/advice-and-support/gp-practices/primary-care-networks/primary-care-network-funding";
    private const string Bma2021 = "BMA, 'Primary care network funding', updated 10 May 2021, https://www.bma.org.uk/advice-and-support/gp-practices/primary-care-networks/primary-care-network-funding";
    private const string Bma2022 = "BMA, 'Primary care network funding', updated 5 Oct 2022 (table 'Annual reimbursement rates 2022/23'), https://bma.org.uk/advice-and-support/gp-practices/primary-care-networks/primary-care-network-funding";
    private const string Slides2022 = "Summary of the Network Contract DES 2022/23 (slideshare), https://www.slideshare.net/slideshow/des-slideshare/251580331";
    private const string Pcc2023 = "Primary Care Commissioning CIC, '2023/24 Network Contract DES and associated guidance' (DES published 30 Mar 2023), https://www.pcc-cic.org.uk/resources/contracts-and-contract-monitoring";
    private const string Doncaster2024 = "Doncaster LMC, 'Primary care networks' (2024/25), https://www.doncasterlmc.co.uk/primary-care-networks";
    private const string Pulse2024Sep = "Pulse, 'PCNs can claim more for ARRS staff but funding remains flat', 27 Sep 2024, https://pulsetoday.co.uk/pulse-pcn/pcns-can-claim-more-for-arrs-staff-but-funding-remains-flat";
    private const string Pulse2025 = "Pulse, 'Consultant nurses added to ARRS in new network contract', 28 Mar 2025 (DES published 27 Mar 2025), https://pulsetoday.co.uk/pulse-pcn/consultant-nurses-added-to-arrs-in-new-network-contract";
    private const string Agreement2020 = "NHS England and BMA, 'Update to the GP contract agreement 2020/21-2023/24', 6 Feb 2020 ('the existing £1.50/head'; Barnsley LMC copy, https://barnsleylmc.co.uk/?p=1)";

    public static IReadOnlyList<DesFundingRate> Rates() =>
    [
        // 2019/20 (DES from 1 July 2019).
        Rate(2019, CorePcnFunding, FundingBasis.Registered, 1.50m, 1, Reported, "£1.50 per patient a year from 1 Apr 2019 ('£0.125 per patient per month'): " + Pq2019 + "; per registered patient as in later BMA tables"),
        Rate(2019, ClinicalDirector, FundingBasis.Registered, 0.5143m, 2, Reported, "£0.51430 per registered patient for 1 Jul 2019 - 31 Mar 2020 (already the part-year amount): " + Pq2019),
        Rate(2019, ExtendedHours, FundingBasis.Registered, 1.099m, 3, Reported, "£1.099 for Jul 2019 - Mar 2020, already the nine-month amount (£1.099 × 1,020.9K = £1,122K): " + Bnssg2019 + ". Pulse Intelligence gives an annual £1.45, whose 9/12 is £1.0875: not reconciled"),
        Rate(2019, NetworkParticipation, FundingBasis.Weighted, 1.761m, 9, Reported, "'£0.147 per weighted patient' a month from 1 Apr 2019: " + Pq2019 + "; " + Bnssg2019),

        // 2020/21: clinical director and extended hours rates for the year not found.
        Rate(2020, CorePcnFunding, FundingBasis.Registered, 1.50m, 1, Reported, Agreement2020),
        Rate(2020, PcnSupport, FundingBasis.Weighted, 0.27m, 7, Reported, "£0.27 per weighted patient for 1 Apr - 30 Sep 2020 (the part-year amount): " + Bma2020),
        Rate(2020, NetworkParticipation, FundingBasis.Weighted, 1.761m, 9, Reported, Bma2021),

        Rate(2021, CorePcnFunding, FundingBasis.Registered, 1.50m, 1, Reported, Bma2021),
        Rate(2021, ClinicalDirector, FundingBasis.Registered, 0.722m, 2, Reported, Bma2021),
        Rate(2021, ExtendedHours, FundingBasis.Registered, 1.44m, 3, Reported, Bma2021),
        Rate(2021, NetworkParticipation, FundingBasis.Weighted, 1.761m, 9, Reported, Bma2021),

        Rate(2022, CorePcnFunding, FundingBasis.Registered, 1.50m, 1, Reported, Slides2022 + "; " + Bma2022),
        Rate(2022, ClinicalDirector, FundingBasis.Registered, 0.729m, 2, Reported, Bma2022),
        Rate(2022, ExtendedHours, FundingBasis.Registered, 0.720m, 3, Reported, "£0.720 for 1 Apr - 30 Sep 2022 (the part-year amount): " + Slides2022),
        Rate(2022, EnhancedAccess, FundingBasis.Adjusted, 3.764m, 4, Reported, "£3.764 for 1 Oct 2022 - 31 Mar 2023 (the part-year amount); the summary says per registered patient, the DES is believed to use the adjusted population: " + Slides2022),
        Rate(2022, LeadershipManagement, FundingBasis.Adjusted, 0.699m, 5, Reported, "£0.699 (" + Slides2022 + "); the BMA page gives £0.68 (" + Bma2022 + "): conflicting"),
        Rate(2022, Casp, FundingBasis.Adjusted, 2.765m, 6, Reported, "Paid through the winter 2022/23: " + Bma2022),
        Rate(2022, NetworkParticipation, FundingBasis.Weighted, 1.761m, 9, Reported, Bma2022),

        Rate(2023, CorePcnFunding, FundingBasis.Registered, 1.50m, 1, Reported, Pcc2023),
        Rate(2023, ClinicalDirector, FundingBasis.Registered, 0.729m, 2, Reported, Pcc2023),
        Rate(2023, EnhancedAccess, FundingBasis.Adjusted, 7.578m, 4, Reported, Pcc2023),
        Rate(2023, LeadershipManagement, FundingBasis.Adjusted, 0.684m, 5, Reported, Pcc2023),
        Rate(2023, Casp, FundingBasis.Adjusted, 2.765m, 6, Reported, Pcc2023),
        Rate(2023, Caip, FundingBasis.Adjusted, 1.185m, 7, Reported, "Up to £1.185 (Clinical Pharmacist Solutions, 'Understanding the New Capacity and Access Improvement Payment 2023/24', https://www.clinicalpharmacistsolutions.co.uk/post/understanding-the-new-capacity-and-access-improvement-payment-2023-24-guidance-for-pcn-managers); Ardens gives £0.829: conflicting"),
        Rate(2023, NetworkParticipation, FundingBasis.Weighted, 1.761m, 9, Reported, Bma2022 + " (rate unchanged in later BMA pages)"),

        // 2024/25: core PCN funding absorbs the clinical director and leadership payments.
        Rate(2024, CorePcnFundingRegistered, FundingBasis.Registered, 2.218m, 1, Reported, "£2.218 × registered list (£2.916 in all with the adjusted part); uplifted in Sep 2024 to £2.967 in all, backdated to 1 Apr 2024, split not given: " + Doncaster2024 + "; " + Pulse2024Sep),
        Rate(2024, CorePcnFundingAdjusted, FundingBasis.Adjusted, 0.698m, 2, Reported, "£0.698 × adjusted population (before the Sep 2024 uplift, split not given): " + Doncaster2024),
        Rate(2024, EnhancedAccess, FundingBasis.Adjusted, 7.975m, 4, Reported, "£7.674 uplifted to £7.975 backdated to 1 Apr 2024: " + Pulse2024Sep),
        Rate(2024, Casp, FundingBasis.Adjusted, 3.248m, 6, Reported, "Implied by 'dropped from £3.248 to £3.208' in " + Pulse2025),
        Rate(2024, Caip, FundingBasis.Adjusted, 1.392m, 7, Reported, "Implied by 'from £1.392 to £1.375' in " + Pulse2025),
        Rate(2024, NetworkParticipation, FundingBasis.Weighted, 1.761m, 9, Reported, Bma2022 + " (rate unchanged in later BMA pages)"),

        Rate(2025, CorePcnFundingRegistered, FundingBasis.Registered, 2.266m, 1, Reported, Pulse2025),
        Rate(2025, CorePcnFundingAdjusted, FundingBasis.Adjusted, 0.733m, 2, Reported, Pulse2025),
        Rate(2025, EnhancedAccess, FundingBasis.Adjusted, 8.427m, 4, Reported, Pulse2025),
        Rate(2025, Casp, FundingBasis.Adjusted, 3.208m, 6, Reported, Pulse2025),
        Rate(2025, Caip, FundingBasis.Adjusted, 1.375m, 7, Reported, Pulse2025),
        Rate(2025, NetworkParticipation, FundingBasis.Weighted, 1.761m, 9, Reported, "BMA page (Apr 2025) as quoted third-hand"),

        // 2026/27: the capacity and access payments left the PCN DES (moved to practices); other rates not found.
        CarriedForward(2026, CorePcnFundingRegistered, FundingBasis.Registered, 2.266m, 1),
        CarriedForward(2026, CorePcnFundingAdjusted, FundingBasis.Adjusted, 0.733m, 2),
        CarriedForward(2026, EnhancedAccess, FundingBasis.Adjusted, 8.427m, 4),
        CarriedForward(2026, NetworkParticipation, FundingBasis.Weighted, 1.761m, 9),
    ];

    private static DesFundingRate Rate(int year, string component, FundingBasis basis, decimal rate, int order, FigureStatus status, string source) =>
        new() { YearStart = year, Component = component, Basis = basis, RatePerPatient = rate, SortOrder = order, Status = status, Source = source };

    private static DesFundingRate CarriedForward(int year, string component, FundingBasis basis, decimal rate, int order) =>
        new()
        {
            YearStart = year,
            Component = component,
            Basis = basis,
            RatePerPatient = rate,
            SortOrder = order,
            Status = FigureStatus.CarriedForward,
            CarriedForwardFrom = new DateOnly(year - 1, 4, 1),
            Source = $"No {new FinancialYear(year)} rate found; the {new FinancialYear(year - 1)} rate is repeated",
        };
}
