namespace PcnPortal.Web.Infrastructure.DemoData;

/// <summary>The fictional commissioner the demo data describes. Every name and code here is invented.</summary>
public static class DemoCcg
{
    public const string Code = "99Z";
    public const string Name = "NHS Avonmere CCG";
    public const string FirstPcnCode = "U90001";
    public const string SecondPcnCode = "U90007";
    public const string EmailDomain = "demo.pcnportal.test";

    public static readonly IReadOnlyList<string> Localities = ["City and Harbour", "North and Vale", "South and Coast"];

    /// <summary>PCN code, name, locality index, target registered population (some outside 30,000 to 50,000 on purpose).</summary>
    public static readonly IReadOnlyList<(string Code, string Name, int Locality, int Population)> Pcns =
    [
        ("U90001", "Harbourside and Docks PCN", 0, 42_300),
        ("U90002", "Cathedral Quarter PCN", 0, 36_800),
        ("U90003", "Redcliffe Fields PCN", 0, 31_900),
        ("U90004", "Eastgate and Stonebridge PCN", 0, 48_600),
        ("U90005", "Castle Hill PCN", 0, 27_400),
        ("U90006", "Riverside Central PCN", 0, 102_500),
        ("U90007", "Severnmouth Vale PCN", 1, 39_200),
        ("U90008", "Kingsmead Common PCN", 1, 44_700),
        ("U90009", "Marlcombe and Ashby PCN", 1, 33_500),
        ("U90010", "Northfield Downs PCN", 1, 14_300),
        ("U90011", "Winterton Valley PCN", 1, 46_100),
        ("U90012", "Oldbridge and Fenwick PCN", 1, 57_800),
        ("U90013", "Westcliff Bay PCN", 2, 40_900),
        ("U90014", "Coombe Hollow PCN", 2, 35_200),
        ("U90015", "Larkhill and Moorside PCN", 2, 49_300),
        ("U90016", "Saltmarsh Coast PCN", 2, 29_600),
        ("U90017", "Brambleford PCN", 2, 38_400),
        ("U90018", "Hawthorn Ridge PCN", 2, 45_800),
    ];

    public static readonly IReadOnlyList<string> PracticeNames =
    [
        "Quayside Surgery", "Anchor Medical Centre", "Lighthouse Health Centre", "Minster Green Surgery", "Abbey Lane Practice",
        "Chapter House Surgery", "Fieldgate Medical Practice", "Meadowbank Surgery", "Stonebridge Health Centre", "Eastgate Family Practice",
        "Tollgate Surgery", "Keep Street Medical Centre", "Ramparts Surgery", "Wharf Road Practice", "Ferry Lane Surgery",
        "Mill Race Medical Centre", "Bridge Street Surgery", "Weir House Practice", "Estuary Health Centre", "Vale View Surgery",
        "Orchard Medical Centre", "Common Road Surgery", "Kingsmead Health Centre", "Elm Tree Practice", "Marlcombe Surgery",
        "Ashby Village Practice", "Downs Surgery", "Winterton Medical Centre", "Valley Road Surgery", "Fenwick Health Centre",
        "Oldbridge Surgery", "Toll House Practice", "Cliff Road Surgery", "Bayview Medical Centre", "Harbour Wall Practice",
        "Coombe Surgery", "Hollow Lane Medical Centre", "Larkhill Surgery", "Moorside Practice", "Heathfield Health Centre",
        "Saltings Surgery", "Marsh Lane Practice", "Coastguard Medical Centre", "Brambleford Surgery", "Hedgerow Practice",
        "Hawthorn Surgery", "Ridgeway Medical Centre", "Beacon Hill Practice", "Greenway Surgery", "Parkside Medical Centre",
        "Church Street Surgery", "Market Place Practice", "Station Road Surgery", "Riverside Health Centre", "Old School Surgery",
        "Willow Bank Practice", "Rosemary Lane Surgery", "Foundry Medical Centre", "Kiln House Surgery", "Cornmarket Practice",
        "Lime Kiln Surgery", "Priory Medical Centre", "Glebe Surgery", "Ropewalk Practice", "Canal Side Surgery",
        "Castle View Medical Centre", "Westgate Surgery", "Northgate Practice", "Southgate Health Centre", "Beech Grove Surgery",
        "Hillcrest Medical Centre", "Primrose Practice", "Oakfield Surgery", "Ashgrove Medical Centre", "Cedar House Surgery",
    ];

    public static readonly IReadOnlyList<string> ClinicalDirectorNames =
    [
        "Dr Amara Okafor", "Dr Thomas Hale", "Dr Priya Raman", "Dr Owen Pritchard", "Dr Helen Marsh", "Dr Samuel Adeyemi",
        "Dr Ruth Calloway", "Dr Imran Qureshi", "Jane Whitlock (pharmacist)", "Dr Fiona Brennan", "Dr Marcus Lowe", "Dr Grace Ellery",
        "Dr Nikhil Desai", "Sarah Tennant (nurse practitioner)", "Dr Patrick Doyle", "Dr Eleanor Voss", "Dr Kwame Mensah", "Dr Lucy Fairbanks",
    ];
}
