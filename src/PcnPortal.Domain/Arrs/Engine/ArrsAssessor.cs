using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Engine;

/// <summary>
/// The ARRS rules engine: assesses a batch of claim lines (a PCN-year or a national year) against the Network
/// Contract DES, one pass per step: (1) group lines by PCN and year; (2) check each line on its own: role eligible,
/// in post, WTE, third-party fee, rate, maximum for the period; (3) put them in the order of competition
/// (<see cref="OrderOfCompetition"/>); (4) check across claims: duplicates, a person's WTE across every PCN (over 1 refers every line involved);
/// (5) apply additionality (claimed staff cover baseline posts vacant beyond grace) and role limits; (6) apply each PCN's ARR Sum; (7) explain:
/// <see cref="ArrsAssessment.Outcomes"/> writes each rule's explanation with its figures when asked. The rules live in
/// <c>Arrs/Rules</c>; this class decides which lines each rule sees, and in what order, deterministically.
/// </summary>
public static class ArrsAssessor
{
    public static ArrsAssessment Assess(
        IReadOnlyList<ClaimLineInput> lines,
        ArrsReferenceData reference,
        IReadOnlyDictionary<string, PcnYearContext> contexts,
        FinancialYear year)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(contexts);

        var results = new ArrsLineResult[lines.Count];
        var tables = new YearTables(reference, year);
        var ids = new BatchIds(reference, contexts, year);
        var totals = new ArrsRunningTotals();
        using var work = new PooledArray<LineWork>(lines.Count);
        using var order = new PooledArray<int>(lines.Count);

        GroupLinesByPcnAndYear(lines, work.Span, ids, tables);
        CheckEachLine(lines, results, work.Span, ids, tables);
        OrderOfCompetition.ForArrSum(work.Array).PutInOrder(order.Span); // step 3
        CheckAcrossClaims(results, work.Span, order.Span, ids);
        ApplyBaseline(results, work.Array, order.Span, ids, tables, totals, year);
        ApplyArrSum(results, work.Span, order.Span, ids, tables, totals);
        return new ArrsAssessment(lines, results, reference, year, ids.PcnsByCode(), totals);
    }

    /// <summary>Step 1, in input order: the PCN, person and role each line is for, and what decides its place in the order of competition.</summary>
    private static void GroupLinesByPcnAndYear(IReadOnlyList<ClaimLineInput> lines, Span<LineWork> work, BatchIds ids, YearTables tables)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var pcn = ids.Pcn(line.PcnCode);
            var pair = ids.Pair(pcn, line.StaffRef);
            var role = ids.Role(pair, line.RoleCode);
            work[i] = new LineWork(line, pcn, pair, role)
            {
                NamedInBaseline = role >= 0 && ids.Pcns[pcn].IsNamedInBaseline(role, line.StaffRef),
                Transferred = line.TransferredFromClinicalPharmacistScheme && role >= 0 && role == tables.PharmacistIndex,
            };
        }
    }

    /// <summary>Step 2, in input order: the rules that need only the line, its PCN and the reference data.</summary>
    private static void CheckEachLine(IReadOnlyList<ClaimLineInput> lines, ArrsLineResult[] results, Span<LineWork> work, BatchIds ids, YearTables tables)
    {
        var maxima = new MaxForPeriodCache();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            ref var r = ref results[i];
            ref var w = ref work[i];
            var month = tables.Month(line.Month);
            r.SetLine(line, i);
            r.RoleEligible = RoleEligibleRule.Evaluate(w.Role >= 0 ? tables.Roles[w.Role] : null, line.Month);
            r.Period = PeriodRule.Evaluate(line, month.Start, month.Days, month.OutsideYear, out var daysInPost);
            r.DaysInPost = (byte)daysInPost;
            r.DaysInMonth = (byte)month.Days;
            w.Month = (sbyte)(month.OutsideYear ? -1 : month.Index);
            r.Wte = WteRule.EvaluateLine(line.Wte);
            r.Fee = FeeRule.Evaluate(line, daysInPost, month.Days, out var allowedFee);
            if (w.Role < 0)
            {
                continue;
            }

            var entry = tables.RateFor(w.Role, ids.Pcns[w.Pcn].Tier, in month);
            r.RateCheck = RateRule.Evaluate(entry);
            if (entry is null)
            {
                continue;
            }

            r.SetEntry(entry);
            var max = entry.MaxReimbursablePerWteYear is { } annual ? maxima.Get(annual, line.Wte, daysInPost, month.Days) : (decimal?)null;
            var rateTimesCost = max is null ? 0m : entry.ReimbursementRate * FeeRule.AllowedCost(line, allowedFee);
            r.Cap = CapRule.Evaluate(rateTimesCost, max);
            w.Amount = max is { } m ? CapRule.Capped(rateTimesCost, m) : 0m;
        }
    }

    /// <summary>Step 4, in order of competition: duplicates (the later line fails); then one person's WTE across every
    /// PCN's claims for the month, which when over 1 refers every line counted to the contracts team, whatever its place in
    /// the order (the later claim is not assumed to be the wrong one).</summary>
    private static void CheckAcrossClaims(ArrsLineResult[] results, Span<LineWork> work, Span<int> order, BatchIds ids)
    {
        using var firstLine = PooledArray<int>.Filled(ids.PairCount * 12, -1);
        using var personWte = PooledArray<decimal>.Filled(ids.StaffCount * 12, 0m);
        foreach (var i in order)
        {
            ref readonly var w = ref work[i];
            if (w.Month < 0)
            {
                continue;
            }

            ref var r = ref results[i];
            ref var first = ref firstLine.Array[(w.Pair * 12) + w.Month];
            r.Duplicate = DuplicateRule.Evaluate(first >= 0);
            if (first >= 0)
            {
                r.DuplicateOfIndex = first;
                continue;
            }

            first = i;
            if (CountsTowardsPersonWte(in r))
            {
                personWte.Array[(ids.StaffOf(w.Pair) * 12) + w.Month] += w.Wte;
            }
        }

        for (var i = 0; i < results.Length; i++)
        {
            ref readonly var w = ref work[i];
            ref var r = ref results[i];
            if (w.Month >= 0 && !r.Duplicate.Failed && CountsTowardsPersonWte(in r))
            {
                r.Wte = WteRule.EvaluateAcrossPcns(personWte.Array[(ids.StaffOf(w.Pair) * 12) + w.Month]);
            }
        }
    }

    private static bool CountsTowardsPersonWte(in ArrsLineResult r) => !r.Wte.Failed && !r.Period.Failed;

    /// <summary>Step 5, per PCN, role and month in the baseline's order of competition: additionality, then role limits
    /// on the WTE above the baseline; a line still payable gets what the rules allow before the ARR Sum, to the penny.</summary>
    private static void ApplyBaseline(ArrsLineResult[] results, LineWork[] work, Span<int> order, BatchIds ids, YearTables tables, ArrsRunningTotals totals, FinancialYear year)
    {
        var roleCount = tables.Roles.Count;
        using var keys = new PooledArray<int>(order.Length);
        foreach (var i in order)
        {
            keys.Array[i] = results[i].AnyFailed || work[i].Month < 0 || work[i].Role < 0 ? -1 : work[i].PcnRoleMonth(roleCount);
        }

        var baselineOrder = OrderOfCompetition.ForBaseline(work);
        using var groups = new LineGroups(order, keys.Span, ids.Pcns.Count * roleCount * 12);
        foreach (var group in groups)
        {
            baselineOrder.Sort(group);
            ref readonly var head = ref work[group[0]];
            var pcn = ids.Pcns[head.Pcn];
            var vacant = pcn.VacantBeyondGraceWte(head.Role, head.Month, out _, out var inGrace);
            var cap = tables.Limits[head.Role]?.CapFor(pcn.WeightedPopulation);
            decimal roleWte = 0m, limitWte = 0m;
            foreach (var i in group)
            {
                ref var w = ref work[i];
                ref var r = ref results[i];
                var after = AdditionalityRule.CountsTowardsCover(w.Transferred, w.NamedInBaseline) ? roleWte + w.Wte : roleWte;
                r.RoleWteBeforePacked = totals.Pack(roleWte);
                r.Additionality = AdditionalityRule.Evaluate(w.Transferred, year, w.NamedInBaseline, inGrace, vacant, roleWte, after, w.Wte, out var fraction);
                roleWte = after;
                if (r.Additionality.Failed)
                {
                    continue;
                }

                var claimable = w.Wte * fraction;
                r.RoleLimit = RoleLimitRule.Evaluate(cap, limitWte, claimable);
                if (r.RoleLimit.Assessed)
                {
                    totals.SetRoleLimitBefore(i, limitWte);
                }

                if (!r.RoleLimit.Failed)
                {
                    limitWte += claimable;
                    w.Amount = Money.ToPence(w.Amount * fraction);
                }
            }
        }
    }

    /// <summary>Step 6, in order of competition: each PCN's ARR Sum, spent line by line; in a year with a ring-fenced GP
    /// sum (2024/25) GP claims are paid from it alone and other claims from the ARR Sum alone.</summary>
    private static void ApplyArrSum(ArrsLineResult[] results, Span<LineWork> work, Span<int> order, BatchIds ids, YearTables tables, ArrsRunningTotals totals)
    {
        foreach (var i in order)
        {
            ref var r = ref results[i];
            if (!r.AnyFailed) // a line that failed a rule is paid nothing and takes nothing from the ARR Sum
            {
                var pcn = ids.Pcns[work[i].Pcn];
                if (pcn.NotHeld is not null)
                {
                    r.Entitlement = EntitlementRule.NotHeldCheck;
                    continue;
                }

                if (pcn.GpSum is { } gpSum && work[i].Role == tables.GpIndex)
                {
                    r.EntitlementUsedBeforePacked = totals.Pack(pcn.GpUsed);
                    r.Entitlement = EntitlementRule.Evaluate(gpSum, pcn.GpUsed, work[i].Amount, out var fromGp);
                    r.Reimbursable = fromGp;
                    pcn.GpUsed += fromGp;
                    continue;
                }

                r.EntitlementUsedBeforePacked = totals.Pack(pcn.Used);
                r.Entitlement = EntitlementRule.Evaluate(pcn.ArrSum, pcn.Used, work[i].Amount, out var paid);
                r.Reimbursable = paid;
                pcn.Used += paid;
            }
        }
    }
}
