using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs;

/// <summary>
/// The ARRS rules engine: assesses a batch of claim lines (a PCN-year or a national year) in one pass per
/// cross-line rule. Deterministic: the same lines, reference data and contexts always give the same result.
/// Order: lines compete in month then submission order (<see cref="ClaimLineInput.Sequence"/>, then position).
/// </summary>
public static class ArrsAssessor
{
    private const int Tiers = 3;

    public static ArrsAssessment Assess(
        IReadOnlyList<ClaimLineInput> lines,
        ArrsReferenceData reference,
        IReadOnlyDictionary<string, PcnYearContext> contexts,
        FinancialYear year)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(contexts);

        var n = lines.Count;
        var roleCount = reference.Roles.Count;
        var results = new ArrsLineResult[n];

        // Year tables: the schedule in force per role, tier and month, and the role limits.
        var rateTable = new RoleRateEntry?[roleCount * Tiers * 12];
        for (var role = 0; role < roleCount; role++)
        {
            for (var tier = 0; tier < Tiers; tier++)
            {
                for (var m = 0; m < 12; m++)
                {
                    rateTable[(((role * Tiers) + tier) * 12) + m] = reference.RateInForce(role, (AreaTier)tier, year.FirstDay.AddMonths(m));
                }
            }
        }

        var limits = new ArrsRoleLimit?[roleCount];
        for (var role = 0; role < roleCount; role++)
        {
            limits[role] = reference.RoleLimitFor(role, year);
        }

        var pharmacistIndex = reference.RoleIndex(PublishedArrsSchedule.ClinicalPharmacist);

        var pcnIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var pcns = new List<PcnState>();
        var staffIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairIds = new Dictionary<long, int>();
        var lineMonth = new int[n];
        var lineRole = new int[n];
        var linePcn = new int[n];
        var lineStaff = new int[n];
        var linePair = new int[n];
        var sorted = true;
        long previousSequence = long.MinValue;

        // Pass 1: rules that need only the line and the reference data.
        for (var i = 0; i < n; i++)
        {
            var line = lines[i];
            ref var r = ref results[i];
            r.LineIndex = i;
            r.DuplicateOfIndex = -1;
            r.ClaimedCost = line.ClaimedCost;

            if (!pcnIds.TryGetValue(line.PcnCode, out var pcnId))
            {
                pcnId = pcns.Count;
                pcnIds.Add(line.PcnCode, pcnId);
                contexts.TryGetValue(line.PcnCode, out var context);
                pcns.Add(new PcnState(context, reference, year, roleCount));
            }

            if (!staffIds.TryGetValue(line.StaffRef, out var staffId))
            {
                staffId = staffIds.Count;
                staffIds.Add(line.StaffRef, staffId);
            }

            var pairKey = ((long)pcnId << 32) | (uint)staffId;
            if (!pairIds.TryGetValue(pairKey, out var pairId))
            {
                pairId = pairIds.Count;
                pairIds.Add(pairKey, pairId);
            }

            var pcn = pcns[pcnId];
            var roleIndex = reference.RoleIndex(line.RoleCode);
            linePcn[i] = pcnId;
            lineStaff[i] = staffId;
            linePair[i] = pairId;
            lineRole[i] = roleIndex;

            if (line.Sequence < previousSequence)
            {
                sorted = false;
            }

            previousSequence = line.Sequence;

            r.RoleEligible = RoleEligibleRule.Evaluate(roleIndex >= 0 ? reference.Roles[roleIndex] : null, line.Month);
            r.Period = PeriodRule.Evaluate(line, year, out var daysInPost, out var daysInMonth);
            r.DaysInPost = (byte)daysInPost;
            r.DaysInMonth = (byte)daysInMonth;
            var month = r.Period.Reason == PeriodRule.OutsideYear && r.Period.Failed ? -1 : MonthIndex(line.Month, year);
            lineMonth[i] = month;
            r.Wte = WteRule.EvaluateLine(line.Wte);
            r.Fee = FeeRule.Evaluate(line, daysInPost, daysInMonth, out var allowedFee);
            var allowedCost = r.ClaimedCost - line.ThirdPartyFee + allowedFee;
            r.AllowedCostValue = allowedCost;

            if (roleIndex < 0)
            {
                continue;
            }

            var entry = month >= 0
                ? rateTable[(((roleIndex * Tiers) + (int)pcn.Tier) * 12) + month]
                : reference.RateInForce(roleIndex, pcn.Tier, line.Month);
            r.RateCheck = RateRule.Evaluate(entry);
            if (entry is null)
            {
                continue;
            }

            r.Rate = entry.ReimbursementRate;
            if (entry.MaxReimbursablePerWteYear is { } annual)
            {
                r.AnnualMaximum = annual;
                r.MaxForPeriodExact = daysInMonth == 0 ? 0m : CapRule.MaxForPeriod(annual, line.Wte, daysInPost, daysInMonth);
                r.Cap = CapRule.Evaluate(entry.ReimbursementRate * allowedCost, r.MaxForPeriodExact);
            }
            else
            {
                r.Cap = CapRule.Evaluate(0m, null);
            }
        }

        var order = Order(lines, lineMonth, sorted);

        // Pass 2, in month then submission order: duplicates, then one person's WTE across all claims.
        var firstByPairMonth = new int[pairIds.Count * 12];
        Array.Fill(firstByPairMonth, -1);
        var staffWte = new decimal[staffIds.Count * 12];
        foreach (var i in order)
        {
            var month = lineMonth[i];
            if (month < 0)
            {
                continue;
            }

            ref var r = ref results[i];
            var slot = (linePair[i] * 12) + month;
            var first = firstByPairMonth[slot];
            if (first < 0)
            {
                firstByPairMonth[slot] = i;
                r.Duplicate = DuplicateRule.Evaluate(false);
            }
            else
            {
                r.Duplicate = DuplicateRule.Evaluate(true);
                r.DuplicateOfIndex = first;
                continue;
            }

            if (r.Wte.Failed || r.Period.Failed)
            {
                continue;
            }

            var staffSlot = (lineStaff[i] * 12) + month;
            var wte = lines[i].Wte;
            r.StaffWteBefore = staffWte[staffSlot];
            r.Wte = WteRule.EvaluateAcrossClaims(r.StaffWteBefore, wte);
            if (!r.Wte.Failed)
            {
                staffWte[staffSlot] += wte;
            }
        }

        // Pass 3: additionality and role limits per PCN, role and month.
        AssessGroups(lines, results, order, lineMonth, lineRole, linePcn, pcns, limits, pharmacistIndex, roleCount, year);

        // Pass 4, in month then submission order: reimbursable, rounded once, then the ARR Sum.
        foreach (var i in order)
        {
            ref var r = ref results[i];
            if (r.AnyFailed)
            {
                r.Reimbursable = 0m;
                continue;
            }

            var uncapped = r.Rate * r.AllowedCostValue;
            var exact = (uncapped < r.MaxForPeriodExact ? uncapped : r.MaxForPeriodExact) * r.AdditionalFraction;
            var value = Money.ToPence(exact);
            r.ReimbursableBeforeEntitlement = value;
            var pcn = pcns[linePcn[i]];
            r.EntitlementUsedBefore = pcn.Used;
            r.Entitlement = EntitlementRule.Evaluate(pcn.ArrSum, pcn.Used, value, out var paid);
            r.Reimbursable = paid;
            pcn.Used += paid;
        }

        var pcnByCode = new Dictionary<string, PcnState>(pcnIds.Count, StringComparer.Ordinal);
        foreach (var (code, id) in pcnIds)
        {
            pcnByCode[code] = pcns[id];
        }

        return new ArrsAssessment(lines, results, reference, year, pcnByCode);
    }

    private static int MonthIndex(DateOnly month, FinancialYear year) => ((month.Year - year.StartYear) * 12) + month.Month - 4;

    /// <summary>Line positions in month then submission order (sequence, then position); out-of-year lines first.</summary>
    private static int[] Order(IReadOnlyList<ClaimLineInput> lines, int[] lineMonth, bool sorted)
    {
        var n = lines.Count;
        int[] bySequence;
        if (sorted)
        {
            bySequence = new int[n];
            for (var i = 0; i < n; i++)
            {
                bySequence[i] = i;
            }
        }
        else
        {
            var keys = new (long Sequence, int Index)[n];
            for (var i = 0; i < n; i++)
            {
                keys[i] = (lines[i].Sequence, i);
            }

            Array.Sort(keys);
            bySequence = new int[n];
            for (var i = 0; i < n; i++)
            {
                bySequence[i] = keys[i].Index;
            }
        }

        // Stable counting sort by month bucket (0 = outside the year).
        var counts = new int[14];
        foreach (var i in bySequence)
        {
            counts[lineMonth[i] + 2]++;
        }

        for (var b = 1; b < counts.Length; b++)
        {
            counts[b] += counts[b - 1];
        }

        var order = new int[n];
        foreach (var i in bySequence)
        {
            order[counts[lineMonth[i] + 1]++] = i;
        }

        return order;
    }

    private static void AssessGroups(
        IReadOnlyList<ClaimLineInput> lines,
        ArrsLineResult[] results,
        int[] order,
        int[] lineMonth,
        int[] lineRole,
        int[] linePcn,
        List<PcnState> pcns,
        ArrsRoleLimit?[] limits,
        int pharmacistIndex,
        int roleCount,
        FinancialYear year)
    {
        var groupCount = pcns.Count * roleCount * 12;
        var starts = new int[groupCount + 1];
        var eligible = 0;
        foreach (var i in order)
        {
            if (IsGroupable(in results[i], lineMonth[i], lineRole[i]))
            {
                starts[GroupKey(linePcn[i], lineRole[i], lineMonth[i], roleCount) + 1]++;
                eligible++;
            }
        }

        for (var g = 1; g <= groupCount; g++)
        {
            starts[g] += starts[g - 1];
        }

        var grouped = new int[eligible];
        var fill = new int[groupCount];
        Array.Copy(starts, fill, groupCount);
        foreach (var i in order)
        {
            if (IsGroupable(in results[i], lineMonth[i], lineRole[i]))
            {
                grouped[fill[GroupKey(linePcn[i], lineRole[i], lineMonth[i], roleCount)]++] = i;
            }
        }

        for (var g = 0; g < groupCount; g++)
        {
            var start = starts[g];
            var end = starts[g + 1];
            if (start == end)
            {
                continue;
            }

            var first = grouped[start];
            var pcn = pcns[linePcn[first]];
            var role = lineRole[first];
            var month = lineMonth[first];
            SortGroup(lines, grouped, start, end, pcn, role);

            var baseline = pcn.BaselineWte(role, month, out var blocked, out var inGrace);
            var cap = limits[role]?.CapFor(pcn.WeightedPopulation);
            decimal roleWte = 0m;
            decimal limitWte = 0m;
            for (var k = start; k < end; k++)
            {
                var i = grouped[k];
                var line = lines[i];
                ref var r = ref results[i];
                var transferred = line.TransferredFromClinicalPharmacistScheme && role == pharmacistIndex;
                r.RoleWteBefore = roleWte;
                r.BaselineWteUsed = baseline;
                r.Additionality = AdditionalityRule.Evaluate(transferred, year, blocked, inGrace, baseline, roleWte, line.Wte, out var fraction);
                r.AdditionalFraction = fraction;
                if (!transferred)
                {
                    roleWte += line.Wte;
                }

                if (r.Additionality.Failed)
                {
                    continue;
                }

                var claimable = fraction == 1m ? line.Wte : line.Wte * fraction;
                r.RoleLimitWteBefore = limitWte;
                r.RoleLimit = RoleLimitRule.Evaluate(cap, limitWte, claimable);
                if (!r.RoleLimit.Failed)
                {
                    limitWte += claimable;
                }
            }
        }
    }

    private static bool IsGroupable(in ArrsLineResult r, int month, int role) =>
        month >= 0 && role >= 0 && !r.RoleEligible.Failed && !r.Period.Failed && !r.Wte.Failed && !r.Duplicate.Failed
        && !r.RateCheck.Failed && !r.Cap.Failed;

    private static int GroupKey(int pcn, int role, int month, int roleCount) => (((pcn * roleCount) + role) * 12) + month;

    /// <summary>Staff named in the baseline first, then earliest start date; stable, so ties keep submission order.</summary>
    private static void SortGroup(IReadOnlyList<ClaimLineInput> lines, int[] grouped, int start, int end, PcnState pcn, int role)
    {
        if (end - start < 2)
        {
            return;
        }

        for (var k = start + 1; k < end; k++)
        {
            var item = grouped[k];
            var j = k - 1;
            while (j >= start && Before(lines[item], lines[grouped[j]], pcn, role))
            {
                grouped[j + 1] = grouped[j];
                j--;
            }

            grouped[j + 1] = item;
        }
    }

    private static bool Before(ClaimLineInput a, ClaimLineInput b, PcnState pcn, int role)
    {
        var aNamed = pcn.IsNamedInBaseline(role, a.StaffRef);
        var bNamed = pcn.IsNamedInBaseline(role, b.StaffRef);
        if (aNamed != bNamed)
        {
            return aNamed;
        }

        return a.StartDate < b.StartDate;
    }
}
