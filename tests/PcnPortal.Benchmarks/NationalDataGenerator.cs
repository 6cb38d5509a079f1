using System.Globalization;
using System.Text;
using PcnPortal.TestSupport.Generation;

namespace PcnPortal.Benchmarks;

/// <summary>
/// National-size files in the real formats: the ePCN workbook (≈1,300 PCNs, ≈7,500 memberships), the NHS Digital
/// list-size CSV and the portal's weighted list-size CSV as at 1 January 2024 (≈6,700 practices), and a 2024/25
/// year of ARRS claim lines (1,300 PCNs × 40 staff × 12 months ≈ 624,000 lines). Deterministic.
/// </summary>
public static class NationalDataGenerator
{
    public const int PcnCount = 1_300;
    public const int StaffPerPcn = 40;

    private static readonly (string Code, decimal MonthlySalary)[] Roles =
    [
        ("CLINICAL_PHARMACIST", 3_900m), ("SPLW", 2_500m), ("CARE_COORDINATOR", 2_150m), ("FCP_PHYSIO", 3_900m),
        ("ADVANCED_PRACTITIONER", 4_700m), ("NURSING_ASSOCIATE", 2_100m), ("HEALTH_WELLBEING_COACH", 2_300m), ("PHARMACY_TECHNICIAN", 2_400m),
    ];

    public static void WriteAll(string folder)
    {
        Directory.CreateDirectory(folder);
        var options = new NationalFileOptions { ExtractDate = new DateOnly(2024, 1, 1), PcnCount = PcnCount };
        File.WriteAllBytes(Path.Combine(folder, "ePCN.xlsx"), NationalFileGenerator.CreateEpcnWorkbook(options));
        var listSizes = NationalFileGenerator.CreateListSizeCsv(options);
        File.WriteAllBytes(Path.Combine(folder, "gp-reg-pat-prac-all.csv"), listSizes);
        File.WriteAllText(Path.Combine(folder, "weighted-list-sizes.csv"), WeightedFrom(listSizes), new UTF8Encoding(false));
        WriteClaims(Path.Combine(folder, "claims-2024-25.csv"));
        Console.WriteLine($"Wrote national files to {Path.GetFullPath(folder)}");
    }

    /// <summary>The portal's own weighted list-size CSV for every practice in the NHS Digital file (weighted = registered × 0.9 to 1.15).</summary>
    private static string WeightedFrom(byte[] nhsCsv)
    {
        var lines = Encoding.UTF8.GetString(nhsCsv).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Trim().Split(',');
        int Index(string name) => Array.IndexOf(header, name);
        int code = Index("CODE"), sex = Index("SEX"), age = Index("AGE"), count = Index("NUMBER_OF_PATIENTS");
        var output = new StringBuilder("practice_code,as_at,registered,weighted\n");
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Trim().Split(',');
            if (cells[sex] != "ALL" || cells[age] != "ALL")
            {
                continue;
            }

            var registered = int.Parse(cells[count], CultureInfo.InvariantCulture);
            var factor = 0.9m + ((cells[code].GetHashCode(StringComparison.Ordinal) & 0xff) / 255m * 0.25m);
            output.Append(CultureInfo.InvariantCulture, $"{cells[code]},2024-01-01,{registered},{Math.Round(registered * factor, 2)}\n");
        }

        return output.ToString();
    }

    private static void WriteClaims(string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write("pcn_code,staff_ref,staff_name,role,month,wte,start_date,end_date,salary,employer_ni,employer_pension,other_on_costs,third_party_fee,notes\n");
        var random = new Random(2024);
        for (var p = 0; p < PcnCount; p++)
        {
            var pcn = NationalFileGenerator.PcnCode(p);
            for (var s = 0; s < StaffPerPcn; s++)
            {
                var (role, monthly) = Roles[(p + s) % Roles.Length];
                var wte = Math.Round(0.5m + ((decimal)random.NextDouble() * 0.5m), 2);
                var startMonth = s % 10 == 0 ? 1 + (s % 6) : 0;
                var start = new DateOnly(2024, 4, 1).AddMonths(startMonth).AddDays(s % 10 == 0 ? 9 : 0);
                var staffRef = $"S{p:0000}{s:00}";
                for (var m = startMonth; m < 12; m++)
                {
                    var month = new DateOnly(2024, 4, 1).AddMonths(m);
                    var salary = Math.Round(monthly * wte, 2);
                    var ni = Math.Round(salary * 0.138m, 2);
                    var pension = Math.Round(salary * 0.1438m, 2);
                    writer.Write(string.Create(CultureInfo.InvariantCulture,
                        $"{pcn},{staffRef},Staff {staffRef},{role},{month:yyyy-MM},{wte},{start:yyyy-MM-dd},,{salary},{ni},{pension},0.00,0.00,\n"));
                }
            }
        }
    }
}
