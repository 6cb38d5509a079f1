using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Tests.Arrs;

/// <summary>
/// The ARRS assessment written plainly, step by step as the Network Contract DES reads, with the same rule classes
/// as <see cref="ArrsAssessor"/>: the executable specification the fast engine is checked against
/// (<see cref="ArrsAssessorMatchesReferenceTests"/>). Lists, LINQ and dictionaries; no pooling, packing or caching.
/// </summary>
internal static class ReferenceArrsAssessor
{
    public sealed record Result(ArrsLineResult[] Lines, IReadOnlyList<RuleOutcome>[] Outcomes, Dictionary<string, decimal> ArrSum, Dictionary<string, decimal> Paid);

    public static Result Assess(IReadOnlyList<ClaimLineInput> input, ArrsReferenceData reference, IReadOnlyDictionary<string, PcnYearContext> contexts, FinancialYear year)
    {
        var lines = input.Select((line, position) => new Line(line, position, contexts.GetValueOrDefault(line.PcnCode))).ToList();
        var results = new ArrsLineResult[lines.Count];
        var notHeld = lines.Select(l => l.Input.PcnCode).Distinct().ToDictionary(pcn => pcn, pcn => EntitlementRule.NotHeldReason(pcn, contexts.GetValueOrDefault(pcn), reference, year));
        var arrSum = notHeld.ToDictionary(p => p.Key, p => p.Value is null ? ArrSumOf(contexts.GetValueOrDefault(p.Key), reference, year) : 0m);

        // 1. Each line on its own: role eligible in the month, in post, WTE, third-party fee, rate, maximum for the period.
        foreach (var line in lines)
        {
            ref var r = ref results[line.Position];
            var claim = line.Input;
            r.SetLine(claim, line.Position);
            var role = reference.FindRole(claim.RoleCode);
            r.RoleEligible = RoleEligibleRule.Evaluate(role, claim.Month);
            r.Period = PeriodRule.Evaluate(claim, year, out var daysInPost, out var daysInMonth);
            (r.DaysInPost, r.DaysInMonth) = ((byte)daysInPost, (byte)daysInMonth);
            line.InYear = year.Contains(line.MonthStart);
            r.Wte = WteRule.EvaluateLine(claim.Wte);
            r.Fee = FeeRule.Evaluate(claim, daysInPost, daysInMonth, out var allowedFee);
            if (role is null)
            {
                continue;
            }

            var entry = reference.RateInForce(claim.RoleCode, line.Tier, line.MonthStart);
            r.RateCheck = RateRule.Evaluate(entry);
            if (entry is null)
            {
                continue;
            }

            r.SetEntry(entry);
            var max = entry.MaxReimbursablePerWteYear is { } annual ? CapRule.MaxForPeriod(annual, claim.Wte, daysInPost, daysInMonth) : (decimal?)null;
            var rateTimesCost = entry.ReimbursementRate * FeeRule.AllowedCost(claim, allowedFee);
            r.Cap = CapRule.Evaluate(rateTimesCost, max);
            line.Amount = max is { } m ? CapRule.Capped(rateTimesCost, m) : 0m;
        }

        // 2. The order of competition: claim month (lines outside the year first), then submission order, then position.
        var inOrder = lines.OrderBy(l => l.InYear ? l.MonthStart : DateOnly.MinValue).ThenBy(l => l.Input.Sequence).ThenBy(l => l.Position).ToList();

        // 3. Across claims, in that order: one line per person per PCN a month (a repeat fails); then one person at most
        //    1 WTE a month across every PCN: over it, every line counted is referred to the contracts team (a warning).
        var firstLine = new Dictionary<(string Pcn, string Staff, DateOnly Month), int>();
        foreach (var line in inOrder.Where(l => l.InYear))
        {
            ref var r = ref results[line.Position];
            var claim = line.Input;
            r.Duplicate = DuplicateRule.Evaluate(firstLine.TryGetValue((claim.PcnCode, claim.StaffRef, line.MonthStart), out var first));
            if (r.Duplicate.Failed)
            {
                r.DuplicateOfIndex = first;
                continue;
            }

            firstLine[(claim.PcnCode, claim.StaffRef, line.MonthStart)] = line.Position;
        }

        var counted = lines.Where(l => l.InYear && !results[l.Position].Duplicate.Failed && !results[l.Position].Wte.Failed && !results[l.Position].Period.Failed);
        foreach (var person in counted.GroupBy(l => (l.Input.StaffRef, l.MonthStart)).ToList())
        {
            var total = person.Sum(l => l.Input.Wte);
            foreach (var line in person)
            {
                results[line.Position].Wte = WteRule.EvaluateAcrossPcns(total);
            }
        }

        // 4. Additionality, per PCN, role and month, for lines no rule has failed. The baseline (the practices' posts on
        //    31 March 2019) is maintained while its posts are filled, or vacant for less than 3 months: claimed staff are
        //    additional. A post vacant 3 months or more and not refilled is not maintained: claimed WTE covers it first,
        //    earliest start date first, then the order of competition (OrderBy is stable). A person named in a baseline
        //    post is that post, not additional; a transferred pharmacist is additional from 2020/21 and covers nothing.
        //    Then role limits on the additional part.
        var payable = inOrder.Where(l => l.InYear && reference.FindRole(l.Input.RoleCode) is not null && !results[l.Position].AnyFailed);
        foreach (var group in payable.GroupBy(l => (l.Input.PcnCode, l.Input.RoleCode, l.MonthStart)))
        {
            var (pcn, role, month) = group.Key;
            var posts = group.First().Context?.Baseline.Where(p => p.RoleCode == role).ToList() ?? [];
            var holders = posts.Where(p => !string.IsNullOrEmpty(p.StaffRef)).Select(p => p.StaffRef).ToHashSet();
            var vacant = posts.Where(p => AdditionalityRule.IsVacantBeyondGrace(p, month)).Sum(p => p.Wte);
            var inGrace = posts.Any(p => AdditionalityRule.IsVacant(p, month) && !AdditionalityRule.IsVacantBeyondGrace(p, month));
            var cap = reference.RoleLimitFor(role, year)?.CapFor(group.First().Population);
            decimal covering = 0m, claimedWte = 0m;
            foreach (var line in group.OrderBy(l => l.Input.StartDate))
            {
                ref var r = ref results[line.Position];
                var transferred = line.Input.TransferredFromClinicalPharmacistScheme && role == PublishedArrsSchedule.ClinicalPharmacist;
                var holder = holders.Contains(line.Input.StaffRef);
                (line.RoleWteBefore, line.Baseline, line.Vacant) = (covering, posts.Sum(p => p.Wte), vacant);
                r.Additionality = AdditionalityRule.Evaluate(transferred, year, holder, inGrace, vacant, covering, line.Input.Wte, out line.Fraction);
                covering += transferred || holder ? 0m : line.Input.Wte;
                if (!r.Additionality.Failed)
                {
                    line.RoleLimitBefore = claimedWte;
                    r.RoleLimit = RoleLimitRule.Evaluate(cap, claimedWte, line.Input.Wte * line.Fraction);
                    if (!r.RoleLimit.Failed)
                    {
                        claimedWte += line.Input.Wte * line.Fraction;
                        line.Amount = Money.ToPence(line.Amount * line.Fraction);
                    }
                }
            }
        }

        // 5. The ARR Sum, per PCN in the order of competition: what is left pays the line, in full or in part. In a year
        //    with a ring-fenced GP sum (2024/25) GP claims are paid from it alone, other claims from the ARR Sum alone.
        var gpSum = notHeld.ToDictionary(p => p.Key, p => p.Value is null && contexts.GetValueOrDefault(p.Key) is { } c && ArrSum.CalculateGpSum(reference, year, c.WeightedPopulation) is { } gp ? c.GpSum ?? gp.Amount : (decimal?)null);
        var paid = arrSum.Keys.ToDictionary(pcn => pcn, _ => 0m);
        var paidByGpSum = arrSum.Keys.ToDictionary(pcn => pcn, _ => 0m);
        foreach (var line in inOrder.Where(l => !results[l.Position].AnyFailed))
        {
            ref var r = ref results[line.Position];
            var pcn = line.Input.PcnCode;
            if (notHeld[pcn] is not null)
            {
                // No usable population or ARR Sum method: nothing is paid, and the line says what to load.
                r.Entitlement = EntitlementRule.NotHeldCheck;
                continue;
            }

            line.FromGpSum = gpSum[pcn] is not null && line.Input.RoleCode == PublishedArrsSchedule.Gp;
            var pot = line.FromGpSum ? paidByGpSum : paid;
            line.UsedBefore = pot[pcn];
            r.Entitlement = EntitlementRule.Evaluate(line.FromGpSum ? gpSum[pcn]!.Value : arrSum[pcn], line.UsedBefore, line.Amount, out var amount);
            r.Reimbursable = amount;
            pot[pcn] += amount;
        }

        // 6. Explain every rule that applied to each line, with its figures.
        var outcomes = lines.Select(line => Explain(line, results[line.Position], reference, year, line.FromGpSum ? gpSum[line.Input.PcnCode]!.Value : arrSum[line.Input.PcnCode], notHeld[line.Input.PcnCode])).ToArray();
        paid = paid.ToDictionary(p => p.Key, p => p.Value + paidByGpSum[p.Key]);
        return new Result(results, outcomes, arrSum, paid);
    }

    private static IReadOnlyList<RuleOutcome> Explain(Line line, ArrsLineResult r, ArrsReferenceData reference, FinancialYear year, decimal arrSum, string? notHeld)
    {
        var claim = line.Input;
        var role = reference.FindRole(claim.RoleCode);
        var posts = line.Context?.Baseline.Where(p => p.RoleCode == claim.RoleCode).ToList() ?? [];
        var context = new ArrsExplainContext(
            year,
            role,
            role is null ? null : reference.RateInForce(claim.RoleCode, line.Tier, line.MonthStart),
            arrSum,
            role is null ? null : reference.RoleLimitFor(claim.RoleCode, year)?.CapFor(line.Population),
            line.Population,
            role is null ? null : AdditionalityRule.VacantFrom(posts, line.MonthStart))
        {
            PcnTier = line.Tier,
            FromGpSum = line.FromGpSum,
            ArrSumNotHeld = notHeld,
            PopulationNote = line.Context?.PopulationNote ?? "",
            Redistribution = line.FromGpSum ? "" : line.Context?.RedistributionNote ?? "",
            ArrSumMethod = reference.ArrSumMethodFor(year),
            RoleWteBefore = line.RoleWteBefore,
            RoleLimitWteBefore = line.RoleLimitBefore,
            EntitlementUsedBefore = line.UsedBefore,
            BaselineWte = line.Baseline,
            VacantBeyondGraceWte = line.Vacant,
            AdditionalFraction = line.Fraction,
            ReimbursableBeforeEntitlement = r.Entitlement.Assessed ? line.Amount : 0m,
        };
        return ArrsAssessment.RuleCodes.Where(code => r.CheckFor(code).Assessed).Select(code => code switch
        {
            RoleEligibleRule.Code => RoleEligibleRule.Describe(r.RoleEligible, claim, context),
            PeriodRule.Code => PeriodRule.Describe(r.Period, in r, claim, context),
            WteRule.Code => WteRule.Describe(r.Wte, claim),
            DuplicateRule.Code => DuplicateRule.Describe(r.Duplicate, in r, claim),
            RateRule.Code => RateRule.Describe(r.RateCheck, claim, context),
            FeeRule.Code => FeeRule.Describe(r.Fee, in r, claim),
            CapRule.Code => CapRule.Describe(r.Cap, in r, claim, context),
            AdditionalityRule.Code => AdditionalityRule.Describe(r.Additionality, in r, claim, context),
            RoleLimitRule.Code => RoleLimitRule.Describe(r.RoleLimit, in r, claim, context),
            _ => EntitlementRule.Describe(r.Entitlement, in r, claim, context),
        }).ToList();
    }

    private static decimal ArrSumOf(PcnYearContext? context, ArrsReferenceData reference, FinancialYear year) =>
        context is null ? 0m
        : context.ArrSum ?? (reference.ArrSumMethodFor(year) is null ? 0m : ArrSum.Calculate(reference, year, context.WeightedPopulation).Amount);

    /// <summary>One claim line and the running figures the steps note for its explanations.</summary>
    private sealed class Line(ClaimLineInput input, int position, PcnYearContext? context)
    {
        public ClaimLineInput Input { get; } = input;

        public int Position { get; } = position;

        public PcnYearContext? Context { get; } = context;

        public DateOnly MonthStart { get; } = new(input.Month.Year, input.Month.Month, 1);

        public AreaTier Tier => Context?.AreaTier ?? AreaTier.National;

        public int Population => Context?.WeightedPopulation ?? 0;

        public bool InYear { get; set; }

        /// <summary>Rate × cost within the maximum; after the baseline, the part above it, to the penny.</summary>
        public decimal Amount { get; set; }

        public decimal RoleWteBefore { get; set; }

        public decimal RoleLimitBefore { get; set; }

        public decimal UsedBefore { get; set; }

        public decimal Baseline { get; set; }

        public decimal Vacant { get; set; }

        public bool FromGpSum { get; set; }

        public decimal Fraction;
    }
}
