using System.Globalization;
using System.Text;

namespace PcnPortal.TestSupport.Generation;

/// <summary>Sizes of the generated national files (defaults: England 2023, ≈1,250 PCNs, ≈6,300 practices).</summary>
public sealed record NationalFileOptions
{
    public int Seed { get; init; } = 2023;

    public int PcnCount { get; init; } = 1_300;

    /// <summary>Practices in PCNs; each has one current membership, some also an ended earlier one (≈7,500 memberships in all).</summary>
    public int PracticeCount { get; init; } = 6_700;

    /// <summary>Share of practices that moved PCN once (an ended membership plus the current one).</summary>
    public double MovedShare { get; init; } = 0.12;

    /// <summary>List-size extract date.</summary>
    public DateOnly ExtractDate { get; init; } = new(2023, 1, 1);
}

/// <summary>
/// Deterministic national-size ePCN workbook (2023 shape: Sub ICB Location columns, YYYYMMDD dates, an Unallocated "U" row) and
/// "Patients Registered at a GP Practice" CSV (Sub ICB columns, SEX=ALL/AGE=ALL rows plus MALE/FEMALE rows that the parser skips).
/// Same seed, same bytes. For tests and benchmarks.
/// </summary>
public static class NationalFileGenerator
{
    private static readonly string[] Places =
    [
        "Durham", "Dales", "Bath", "Weston", "Severn", "Bristol", "Avon", "Mendip", "Cotswold", "Cherwell", "Oxford", "Abingdon",
        "Banbury", "Wantage", "Thame", "Didcot", "Kennet", "Sarum", "Solent", "Tees", "Wear", "Tyne", "Eden", "Fylde", "Wirral",
    ];

    private static readonly string[] Areas = ["North", "South", "East", "West", "Central", "Rural", "Valley", "Coastal", "City", "Vale"];

    /// <summary>Sub ICB codes: mostly three characters, some five (as in later vintages).</summary>
    public static string SubIcbCode(int index) => index % 7 == 0 ? $"{index % 100:00}X{index % 10}{(char)('A' + (index % 26))}" : $"{index % 100:00}{(char)('A' + (index % 26))}";

    public static string PcnCode(int index) => $"U{10000 + index:00000}";

    public static string PracticeCode(int index) => $"{(char)('A' + (index % 26))}{80000 + index:00000}"[..6];

    public static byte[] CreateEpcnWorkbook(NationalFileOptions? options = null)
    {
        using var stream = new MemoryStream();
        WriteEpcnWorkbook(stream, options);
        return stream.ToArray();
    }

    public static void WriteEpcnWorkbook(Stream stream, NationalFileOptions? options = null)
    {
        options ??= new NationalFileOptions();
        var random = new Random(options.Seed);
        var pcnRows = new List<IReadOnlyList<object?>>();
        var subIcbOfPcn = new string[options.PcnCount];
        for (var i = 0; i < options.PcnCount; i++)
        {
            var subIcb = SubIcbCode(i / 12);
            subIcbOfPcn[i] = subIcb;
            var name = $"{Places[random.Next(Places.Length)]} {Areas[random.Next(Areas.Length)]} {i} PCN";
            var closed = i % 50 == 0;
            pcnRows.Add([PcnCode(i), name.ToUpperInvariant(), subIcb, $"NHS AREA {subIcb} SUB ICB LOCATION", 20190701, closed ? (object)20210331 : null]);
        }

        pcnRows.Add(["U", "UNALLOCATED", null, null, 20190701, null]);

        var partnerRows = new List<IReadOnlyList<object?>>();
        for (var p = 0; p < options.PracticeCount; p++)
        {
            var pcn = random.Next(options.PcnCount);
            if (pcn % 50 == 0)
            {
                pcn = (pcn + 1) % options.PcnCount;
            }

            var code = PracticeCode(p);
            var practiceName = $"THE {Places[p % Places.Length].ToUpperInvariant()} SURGERY {p}";
            var subIcb = subIcbOfPcn[pcn];
            var crossBoundary = random.NextDouble() < 0.02;
            var practiceSubIcb = crossBoundary ? SubIcbCode((pcn / 12) + 1) : subIcb;
            if (random.NextDouble() < options.MovedShare)
            {
                var earlier = (pcn + 1 + random.Next(options.PcnCount - 1)) % options.PcnCount;
                partnerRows.Add(PartnerRow(code, practiceName, practiceSubIcb, earlier, subIcbOfPcn[earlier], 20190701, 20210331, practiceSubIcb == subIcbOfPcn[earlier]));
                partnerRows.Add(PartnerRow(code, practiceName, practiceSubIcb, pcn, subIcb, 20210401, null, !crossBoundary));
            }
            else
            {
                partnerRows.Add(PartnerRow(code, practiceName, practiceSubIcb, pcn, subIcb, 20190701, null, !crossBoundary));
            }
        }

        for (var u = 0; u < 5; u++)
        {
            partnerRows.Add([PracticeCode(options.PracticeCount + u), "UNALLOCATED SURGERY", "99A", "NHS AREA", "U", "UNALLOCATED", null, null, 20190701, null, null]);
        }

        SimpleXlsxWriter.Write(
            stream,
            new XlsxSheet("PCNDetails", ["PCN Code", "PCN Name", "Current Sub ICB Loc Code", "Sub ICB Location Name", "Open Date", "Close Date"], pcnRows),
            new XlsxSheet("PCN Core Partner Details", PartnerHeader, partnerRows));
    }

    /// <summary>The 2023 partner sheet header (with line breaks as in the published file).</summary>
    public static readonly IReadOnlyList<object?> PartnerHeader =
    [
        "Partner\nOrganisation\nCode", "Partner\nName", "Practice Parent\nSub ICB Location Code", "Practice Parent\nSub ICB Location Name",
        "PCN Code", "PCN Name", "PCN Parent Sub ICB Location Code", "PCN Parent Sub ICB Location Name",
        "Practice to PCN\nRelationship Start Date", "Practice to PCN\nRelationship End Date", "Practice Sub ICB and PCN Sub ICB Match?",
    ];

    private static IReadOnlyList<object?> PartnerRow(string code, string name, string practiceSubIcb, int pcn, string pcnSubIcb, int start, int? end, bool match) =>
        [code, name, practiceSubIcb, "NHS AREA", PcnCode(pcn), $"PCN {pcn}", pcnSubIcb, "NHS AREA", start, end, match ? "TRUE" : "FALSE"];

    public static byte[] CreateListSizeCsv(NationalFileOptions? options = null)
    {
        options ??= new NationalFileOptions();
        var random = new Random(options.Seed + 1);
        var extract = options.ExtractDate.ToString("ddMMMyyyy", CultureInfo.InvariantCulture).ToUpperInvariant();
        var publication = "GP_PRAC_PAT_LIST";
        var builder = new StringBuilder();
        builder.Append("PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n");
        for (var p = 0; p < options.PracticeCount; p++)
        {
            var total = 2_000 + random.Next(18_000);
            var male = total / 2 - random.Next(200);
            var prefix = $"{publication},{extract},GP,{SubIcbCode(p / 60)},E38{p % 1000:000000},{PracticeCode(p)},\"AB{p % 99} {p % 9}CD\",";
            builder.Append(prefix).Append("ALL,ALL,").Append(total.ToString(CultureInfo.InvariantCulture)).Append('\n');
            builder.Append(prefix).Append("MALE,ALL,").Append(male.ToString(CultureInfo.InvariantCulture)).Append('\n');
            builder.Append(prefix).Append("FEMALE,ALL,").Append((total - male).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return new UTF8Encoding(false).GetBytes(builder.ToString());
    }
}
