using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Access;

/// <summary>
/// The access requirement figures the portal seeds, each with its status and citation (docs/access-reference-figures.md).
/// Extended hours ran from the DES start on 1 July 2019 to 30 September 2022; enhanced access from 1 October 2022.
/// </summary>
public static class PublishedAccessSchedule
{
    public static readonly DateOnly ExtendedHoursStart = new(2019, 7, 1);
    public static readonly DateOnly EnhancedAccessStart = new(2022, 10, 1);

    public const string CoreHours = "Outside core hours (08:00 to 18:30 Monday to Friday): weekday mornings before 08:00, evenings after 18:30, and weekends; continuous periods of at least 30 minutes.";
    public const string NetworkStandardHours = "Network standard hours: 18:30 to 20:00 Monday to Friday and 09:00 to 17:00 on Saturday. With the commissioner's agreement part may be outside them, in continuous periods of at least 30 minutes.";

    public const string Des2019 = "NHS England, Network Contract DES specification 2019/20, §4.6.2(c): 'a minimum of 30 minutes per 1,000 registered patients per week', 'additional minutes = a network's aggregate CRP ÷ 1000 × 30' (50,000 registered patients: 25 hours a week); copy published by BHNC, https://www.bhnc.org.uk/extended-hour-access";
    public const string McKenzie2022 = "Scott McKenzie Consultancy, 'PCN Enhanced Access extended GP hours present significant opportunities for NHS providers' (2022): extended hours 'was 30 minutes per week, per 1,000 patients', https://scottmckenzieconsultancy.com/pcn-enhanced-access-extended-gp-hours-present-significant-opportunities-for-nhs-providers/";
    public const string GpOnline2022 = "GP Online, 'Contract update reveals detail of £7.46-per-patient enhanced GP access plans', 1 Apr 2022: 'a minimum of 60 minutes of appointments per 1,000 adjusted patients per week in network standard hours - from 6.30pm to 8pm and 9am to 5pm on Saturdays', https://www.gponline.com/contract-update-reveals-detail-746-per-patient-enhanced-gp-access-plans/article/1751577";
    public const string Pulse2022 = "Pulse, 'CPD: How to implement enhanced access across your PCN' (2022): '60 minutes per 1,000 PCN-adjusted patients per week', 6.30pm to 8pm Monday to Friday and 9am to 5pm Saturday, https://www.pulsetoday.co.uk/resource/primary-care-networks/cpd-implementing-enhanced-access-across-your-pcn/";
    public const string Doncaster = "Doncaster LMC, 'Enhanced access': extended hours until October 2022, enhanced access from 1 October 2022 in network standard hours, https://www.doncasterlmc.co.uk/enhanced-access";

    public static IReadOnlyList<AccessRequirementFigure> Figures() =>
    [
        new()
        {
            Scheme = AccessScheme.ExtendedHours,
            From = ExtendedHoursStart,
            To = new DateOnly(2020, 3, 31),
            MinutesPerThousand = 30,
            Basis = AccessPopulationBasis.Registered,
            Rounding = AccessRounding.NearestQuarterHour,
            Hours = CoreHours,
            Status = FigureStatus.ReportedSecondary,
            Source = Des2019,
            PopulationStatus = FigureStatus.ReportedSecondary,
            PopulationSource = "CRP 'determined at 1 April 2019': " + Des2019 + ". The portal uses each member practice's latest registered list size on or before 1 April 2019.",
            RoundingStatus = FigureStatus.ReportedSecondary,
            RoundingSource = "'convert to hours and minutes and round, either up or down, to the nearest quarter hour': " + Des2019 + ". A half quarter hour is rounded up (the portal's choice: the DES does not say).",
        },
        new()
        {
            Scheme = AccessScheme.ExtendedHours,
            From = new DateOnly(2020, 4, 1),
            To = new DateOnly(2022, 9, 30),
            MinutesPerThousand = 30,
            Basis = AccessPopulationBasis.Registered,
            Rounding = AccessRounding.NearestQuarterHour,
            Hours = CoreHours,
            Status = FigureStatus.ReportedSecondary,
            Source = McKenzie2022 + "; end on 30 September 2022: " + Doncaster,
            PopulationStatus = FigureStatus.Unverified,
            PopulationSource = "Not found for 2020/21 to 2022/23: the portal uses the registered list sizes on or before 1 April of each financial year, as the 2019/20 DES did.",
            RoundingStatus = FigureStatus.Unverified,
            RoundingSource = "Not found for 2020/21 to 2022/23: the 2019/20 rule (nearest quarter hour, half up) is kept.",
        },
        new()
        {
            Scheme = AccessScheme.EnhancedAccess,
            From = EnhancedAccessStart,
            To = null,
            MinutesPerThousand = 60,
            Basis = AccessPopulationBasis.Adjusted,
            Rounding = AccessRounding.NearestMinute,
            Hours = NetworkStandardHours,
            Status = FigureStatus.ReportedSecondary,
            Source = GpOnline2022 + "; " + Pulse2022,
            PopulationStatus = FigureStatus.Unverified,
            PopulationSource = "The PCN adjusted population (" + GpOnline2022 + "); which date's figure applies was not found: the portal uses the latest adjusted population loaded on or before each day.",
            RoundingStatus = FigureStatus.Unverified,
            RoundingSource = "No rounding rule found for enhanced access: the portal rounds the weekly minutes to the nearest minute, half up.",
        },
    ];
}
