using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;

namespace PcnPortal.Benchmarks;

/// <summary>
/// A national year: 1,300 PCNs × 40 staff × 12 months ≈ 624,000 claim lines, reference data preloaded.
/// Short job so it finishes in minutes: <c>dotnet run -c Release --project tests/PcnPortal.Benchmarks -- --filter *Arrs*</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.HostProcess, launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class ArrsAssessorBenchmarks
{
    public const int Pcns = 1_300;
    public const int StaffPerPcn = 40;

    private static readonly string[] Roles =
    [
        PublishedArrsSchedule.ClinicalPharmacist, PublishedArrsSchedule.Splw, PublishedArrsSchedule.FcpPhysio,
        PublishedArrsSchedule.CareCoordinator, PublishedArrsSchedule.AdvancedPractitioner, PublishedArrsSchedule.NursingAssociate,
        PublishedArrsSchedule.TraineeNursingAssociate, PublishedArrsSchedule.Gp,
    ];

    private readonly FinancialYear _year = new(2024);
    private ArrsReferenceData _reference = null!;
    private List<ClaimLineInput> _lines = null!;
    private Dictionary<string, PcnYearContext> _contexts = null!;

    public int Lines => _lines.Count;

    [GlobalSetup]
    public void Setup()
    {
        _reference = PublishedArrsSchedule.Create();
        _contexts = new Dictionary<string, PcnYearContext>(StringComparer.Ordinal);
        _lines = new List<ClaimLineInput>(Pcns * StaffPerPcn * 12);
        var random = new Random(20241001);
        long sequence = 0;
        var pcnCodes = new string[Pcns];
        for (var p = 0; p < Pcns; p++)
        {
            var code = "U" + (10000 + p).ToString("00000");
            pcnCodes[p] = code;
            var population = 30_000 + random.Next(0, 90_000);
            _contexts[code] = new PcnYearContext
            {
                PcnCode = code,
                WeightedPopulation = population,
                AreaTier = p % 20 == 0 ? AreaTier.InnerLondon : p % 15 == 0 ? AreaTier.OuterLondon : AreaTier.National,
                Baseline = [new BaselinePost(PublishedArrsSchedule.ClinicalPharmacist, 1.0m, code + "-S0"), new BaselinePost(PublishedArrsSchedule.Splw, 0.5m, VacantFrom: new DateOnly(2024, 9, 1))],
            };
        }

        for (var m = 0; m < 12; m++)
        {
            var month = _year.FirstDay.AddMonths(m);
            for (var p = 0; p < Pcns; p++)
            {
                for (var s = 0; s < StaffPerPcn; s++)
                {
                    var salary = 2_500m + (s * 37.5m);
                    var start = s % 9 == 0 ? month.AddDays(14) : new DateOnly(2023, 4, 1);
                    _lines.Add(new ClaimLineInput(
                        pcnCodes[p],
                        pcnCodes[p] + "-S" + s,
                        "Staff " + s,
                        Roles[s % Roles.Length],
                        month,
                        s % 4 == 0 ? 0.6m : 1.0m,
                        start,
                        null,
                        salary,
                        Math.Round(salary * 0.12m, 2),
                        Math.Round(salary * 0.1438m, 2),
                        25m,
                        0m,
                        ++sequence));
                }
            }
        }
    }

    [Benchmark(Description = "Arrs national year (624k lines)")]
    public ArrsAssessment AssessNationalYear() => ArrsAssessor.Assess(_lines, _reference, _contexts, _year);
}
