using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Engine;

/// <summary>
/// A post expected to be claimed for in the months still to come: a member of staff in post (monthly cost taken
/// from their latest claim) or a planned starter (what-if). <see cref="FirstMonth"/> is the first month to forecast.
/// </summary>
public sealed record ForecastPost(
    string PcnCode,
    string StaffRef,
    string Name,
    string RoleCode,
    decimal Wte,
    DateOnly StartDate,
    DateOnly? EndDate,
    decimal MonthlyCost,
    DateOnly FirstMonth,
    bool TransferredFromClinicalPharmacistScheme = false);

/// <summary>What one post is forecast to cost the scheme for the rest of the year.</summary>
public sealed record ForecastPostResult(ForecastPost Post, int Months, decimal Reimbursable);

/// <summary>
/// Forecast to year end: each post becomes one hypothetical claim line per remaining month, assessed by the same
/// engine (<see cref="ArrsAssessor"/>: role eligibility, employment period, rate, pro-rata cap, additionality over the
/// baseline and role limits). The ARR Sum is not applied here: the forecast shows the spend the posts would earn,
/// so finance can see when it would pass the entitlement.
/// </summary>
public static class ArrsForecast
{
    public static IReadOnlyList<ForecastPostResult> Forecast(
        IReadOnlyList<ForecastPost> posts,
        ArrsReferenceData reference,
        IReadOnlyDictionary<string, PcnYearContext> contexts,
        FinancialYear year)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var lines = new List<ClaimLineInput>();
        var owners = new List<int>();
        for (var p = 0; p < posts.Count; p++)
        {
            var post = posts[p];
            var first = new DateOnly(post.FirstMonth.Year, post.FirstMonth.Month, 1);
            if (first < year.FirstDay)
            {
                first = year.FirstDay;
            }

            for (var month = first; month <= year.LastDay; month = month.AddMonths(1))
            {
                if (post.EndDate is { } end && end < month)
                {
                    break;
                }

                if (post.StartDate > month.AddMonths(1).AddDays(-1))
                {
                    continue;
                }

                lines.Add(new ClaimLineInput(
                    post.PcnCode, post.StaffRef, post.Name, post.RoleCode, month, post.Wte, post.StartDate, post.EndDate,
                    post.MonthlyCost, 0m, 0m, 0m, 0m, lines.Count, post.TransferredFromClinicalPharmacistScheme));
                owners.Add(p);
            }
        }

        // No entitlement cut: give each PCN an ARR Sum the forecast cannot reach.
        var unbounded = new Dictionary<string, PcnYearContext>(StringComparer.Ordinal);
        foreach (var (code, context) in contexts)
        {
            unbounded[code] = new PcnYearContext
            {
                PcnCode = context.PcnCode,
                WeightedPopulation = context.WeightedPopulation,
                AreaTier = context.AreaTier,
                Baseline = context.Baseline,
                ArrSum = decimal.MaxValue / 4,
            };
        }

        var assessment = ArrsAssessor.Assess(lines, reference, unbounded, year);
        var months = new int[posts.Count];
        var amounts = new decimal[posts.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            months[owners[i]]++;
            amounts[owners[i]] += assessment[i].Reimbursable;
        }

        return posts.Select((post, p) => new ForecastPostResult(post, months[p], amounts[p])).ToList();
    }
}
