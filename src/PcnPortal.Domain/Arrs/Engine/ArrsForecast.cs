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

/// <summary>
/// What one post is forecast to cost the scheme for the rest of the year. <see cref="Why"/> says in plain words why months
/// are forecast at £0 (the first rule that failed, e.g. within the baseline, no maximum held for the role and year), or
/// why there are no months; null when every month is paid.
/// </summary>
public sealed record ForecastPostResult(ForecastPost Post, int Months, decimal Reimbursable, string? Why = null);

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
                GpSum = decimal.MaxValue / 4,
            };
        }

        var assessment = ArrsAssessor.Assess(lines, reference, unbounded, year);
        var months = new int[posts.Count];
        var amounts = new decimal[posts.Count];
        var zeroMonths = new int[posts.Count];
        var why = new string?[posts.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var p = owners[i];
            months[p]++;
            amounts[p] += assessment[i].Reimbursable;
            if (assessment[i].Reimbursable == 0m)
            {
                zeroMonths[p]++;
                why[p] ??= assessment.Outcomes(i).FirstOrDefault(o => o.Severity == RuleSeverity.Fail)?.Explanation;
            }
        }

        return posts.Select((post, p) => new ForecastPostResult(post, months[p], amounts[p], Why(post, year, months[p], zeroMonths[p], why[p]))).ToList();
    }

    private static string? Why(ForecastPost post, FinancialYear year, int months, int zeroMonths, string? firstFailure)
    {
        if (months == 0)
        {
            return post.EndDate is { } end && end < post.FirstMonth
                ? $"£0: no months left to forecast; the post ends on {ArrsText.Date(end)}."
                : $"£0: no months left to forecast in {year}.";
        }

        if (zeroMonths == 0)
        {
            return null;
        }

        var reason = firstFailure ?? "£0: nothing is reimbursable for these months.";
        return zeroMonths == months ? reason : $"{zeroMonths} of {months} months at £0: {reason}";
    }
}
