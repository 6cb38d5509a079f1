using System.Globalization;
using System.Text;
using PcnPortal.Web.Infrastructure.Files;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>The entitlements CSV (contract.md, export-entitlements; also downloaded from /finance).</summary>
public static class ArrsEntitlementCsv
{
    public static readonly IReadOnlyList<string> Header =
        ["pcn_code", "pcn_name", "weighted_population", "population_as_at", "arr_sum", "reimbursable_submitted", "approved", "paid", "remaining", "arr_sum_status", "population_warnings", "gp_sum", "gp_reimbursable_submitted"];

    public static string Write(EntitlementReport report)
    {
        var csv = new StringBuilder().AppendRow(Header);
        foreach (var p in report.Pcns)
        {
            csv.AppendRow([
                p.PcnCode, p.PcnName, p.WeightedPopulation.ToString(CultureInfo.InvariantCulture), p.PopulationAsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                p.ArrSumHeld ? CsvCells.Money(p.ArrSum) : "", CsvCells.Money(p.ReimbursableSubmitted), CsvCells.Money(p.Approved), CsvCells.Money(p.Paid),
                p.ArrSumHeld ? CsvCells.Money(p.Remaining) : "",
                p.ArrSumHeld ? report.RateStatus : "not held: " + p.ArrSumNotHeld,
                string.Join(" ", p.Warnings),
                p.GpSum is { } gp ? CsvCells.Money(gp) : "", p.GpSum is null ? "" : CsvCells.Money(p.GpReimbursableSubmitted),
            ]);
        }

        return csv.ToString();
    }
}
