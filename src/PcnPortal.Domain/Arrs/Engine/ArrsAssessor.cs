using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Engine;

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
        var results = new ArrsLineResult[n];
        var tables = new YearTables(reference, year);
        var ids = new BatchIds(reference, contexts, year);
        var totals = new ArrsRunningTotals();

        // Working state for the batch, rented so that a batch allocates little beyond its results.
        var work = ArrayPool<LineWork>.Shared.Rent(Math.Max(n, 1));
        var order = ArrayPool<int>.Shared.Rent(Math.Max(n, 1));
        try
        {
            var inOrder = AssessLines(lines, results, work, tables, ids, year);
            Order(lines, work, order, n, inOrder);
            AssessAcrossClaims(results, work, order, n, ids, totals);
            AssessGroups(results, work, order, n, ids, tables, totals, year);
            AssessEntitlement(results, work, order, n, ids, totals);
        }
        finally
        {
            ArrayPool<LineWork>.Shared.Return(work);
            ArrayPool<int>.Shared.Return(order);
        }

        return new ArrsAssessment(lines, results, reference, year, ids.PcnsByCode(), totals);
    }

    /// <summary>The cost the rate applies to: claimed cost less any third-party fee not allowed (ARRS-FEE).</summary>
    internal static decimal AllowedCost(ClaimLineInput line, int daysInPost, int daysInMonth)
    {
        FeeRule.Evaluate(line, daysInPost, daysInMonth, out var allowedFee);
        return line.ClaimedCost - line.ThirdPartyFee + allowedFee;
    }

    /// <summary>The unrounded maximum for the period (ARRS-CAP).</summary>
    internal static decimal MaxForPeriodExact(decimal annualMaximum, decimal wte, int daysInPost, int daysInMonth) =>
        daysInMonth == 0 ? 0m : CapRule.MaxForPeriod(annualMaximum, wte, daysInPost, daysInMonth);

    internal static int MonthIndex(DateOnly month, FinancialYear year) => ((month.Year - year.StartYear) * 12) + month.Month - 4;

    /// <summary>
    /// Pass 1, in input order: the rules that need only the line and the reference data. Also notes each line's
    /// PCN, person and role for the later passes. Returns true when the lines are already in month then
    /// submission order.
    /// </summary>
    private static bool AssessLines(IReadOnlyList<ClaimLineInput> lines, ArrsLineResult[] results, LineWork[] work, YearTables tables, BatchIds ids, FinancialYear year)
    {
        var n = lines.Count;
        var inOrder = true;
        var previousSequence = long.MinValue;
        var previousMonth = int.MinValue;
        var maxima = new MaxForPeriodCache();

        // The claim month's first day, length and index in the year, kept while consecutive lines share it.
        var claimMonth = DateOnly.MinValue;
        var monthStart = DateOnly.MinValue;
        var daysInMonth = 0;
        var outsideYear = false;
        var monthIndex = 0;
        for (var i = 0; i < n; i++)
        {
            var line = lines[i];
            ref var r = ref results[i];
            ref var w = ref work[i];
            r.SetLine(line, i);
            r.DuplicateOfIndex = -1;

            var pcnId = ids.Pcn(line.PcnCode);
            var pcn = ids.Pcns[pcnId];
            var pairId = ids.Pair(pcnId, line.StaffRef);
            var roleIndex = ids.Role(pairId, line.RoleCode);
            w.Pcn = pcnId;
            w.Pair = pairId;
            w.Role = roleIndex;
            w.Wte = line.Wte;
            w.StartDay = line.StartDate.DayNumber;
            w.Flags = 0;
            w.Amount = 0m;

            if (i == 0 || line.Month != claimMonth)
            {
                claimMonth = line.Month;
                monthStart = new DateOnly(claimMonth.Year, claimMonth.Month, 1);
                daysInMonth = DateTime.DaysInMonth(monthStart.Year, monthStart.Month);
                outsideYear = monthStart < year.FirstDay || monthStart > year.LastDay;
                monthIndex = MonthIndex(claimMonth, year);
            }

            r.RoleEligible = RoleEligibleRule.Evaluate(roleIndex >= 0 ? tables.Roles[roleIndex] : null, line.Month);
            r.Period = PeriodRule.Evaluate(line, monthStart, daysInMonth, outsideYear, out var daysInPost);
            r.DaysInPost = (byte)daysInPost;
            r.DaysInMonth = (byte)daysInMonth;
            var month = r.Period.Reason == PeriodRule.OutsideYear && r.Period.Failed ? -1 : monthIndex;
            w.Month = (sbyte)month;
            if (line.Sequence < previousSequence || month < previousMonth)
            {
                inOrder = false;
            }

            previousSequence = line.Sequence;
            previousMonth = month;

            r.Wte = WteRule.EvaluateLine(line.Wte);
            r.Fee = FeeRule.Evaluate(line, daysInPost, daysInMonth, out var allowedFee);
            var allowedCost = line.ClaimedCost - line.ThirdPartyFee + allowedFee;

            if (roleIndex < 0)
            {
                continue;
            }

            if (line.TransferredFromClinicalPharmacistScheme && roleIndex == tables.PharmacistIndex)
            {
                w.Flags |= LineWork.Transferred;
            }

            if (pcn.IsNamedInBaseline(roleIndex, line.StaffRef))
            {
                w.Flags |= LineWork.Named;
            }

            var entry = month >= 0 ? tables.RateFor(roleIndex, pcn.Tier, month) : tables.Reference.RateInForce(roleIndex, pcn.Tier, line.Month);
            r.RateCheck = RateRule.Evaluate(entry);
            if (entry is null)
            {
                continue;
            }

            r.SetEntry(entry);
            if (entry.MaxReimbursablePerWteYear is { } annual)
            {
                var max = maxima.Get(annual, line.Wte, daysInPost, daysInMonth);
                var uncapped = entry.ReimbursementRate * allowedCost;
                r.Cap = CapRule.Evaluate(uncapped, max);
                w.Amount = uncapped < max ? uncapped : max;
            }
            else
            {
                r.Cap = CapRule.Evaluate(0m, null);
            }
        }

        return inOrder;
    }

    /// <summary>Line positions in month then submission order (sequence, then position); out-of-year lines first.</summary>
    private static void Order(IReadOnlyList<ClaimLineInput> lines, LineWork[] work, int[] order, int n, bool inOrder)
    {
        if (inOrder)
        {
            for (var i = 0; i < n; i++)
            {
                order[i] = i;
            }

            return;
        }

        var keys = ArrayPool<(long Sequence, int Index)>.Shared.Rent(n);
        var bySequence = ArrayPool<int>.Shared.Rent(n);
        try
        {
            var sorted = true;
            for (var i = 0; i < n; i++)
            {
                keys[i] = (lines[i].Sequence, i);
                sorted &= i == 0 || keys[i - 1].Sequence <= keys[i].Sequence;
            }

            if (!sorted)
            {
                Array.Sort(keys, 0, n);
            }

            for (var i = 0; i < n; i++)
            {
                bySequence[i] = keys[i].Index;
            }

            // Stable counting sort by month bucket (0 = outside the year).
            Span<int> counts = stackalloc int[14];
            counts.Clear();
            for (var k = 0; k < n; k++)
            {
                counts[work[bySequence[k]].Month + 2]++;
            }

            for (var b = 1; b < counts.Length; b++)
            {
                counts[b] += counts[b - 1];
            }

            for (var k = 0; k < n; k++)
            {
                var i = bySequence[k];
                order[counts[work[i].Month + 1]++] = i;
            }
        }
        finally
        {
            ArrayPool<(long Sequence, int Index)>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(bySequence);
        }
    }

    /// <summary>Pass 2, in month then submission order: duplicates, then one person's WTE across all claims.</summary>
    private static void AssessAcrossClaims(ArrsLineResult[] results, LineWork[] work, int[] order, int n, BatchIds ids, ArrsRunningTotals totals)
    {
        var pairCount = ids.PairCount;
        var firstByPairMonth = ArrayPool<int>.Shared.Rent(Math.Max(pairCount * 12, 1));
        var staffWte = ArrayPool<decimal>.Shared.Rent(Math.Max(ids.StaffCount * 12, 1));
        try
        {
            Array.Fill(firstByPairMonth, -1, 0, pairCount * 12);
            Array.Clear(staffWte, 0, ids.StaffCount * 12);
            for (var k = 0; k < n; k++)
            {
                var i = order[k];
                ref readonly var w = ref work[i];
                var month = w.Month;
                if (month < 0)
                {
                    continue;
                }

                ref var r = ref results[i];
                var slot = (w.Pair * 12) + month;
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

                ref var staffTotal = ref staffWte[(ids.StaffOf(w.Pair) * 12) + month];
                var after = staffTotal + w.Wte;
                r.StaffWteBeforePacked = totals.Pack(staffTotal);
                r.Wte = WteRule.EvaluateTotal(after);
                if (!r.Wte.Failed)
                {
                    staffTotal = after;
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(firstByPairMonth);
            ArrayPool<decimal>.Shared.Return(staffWte);
        }
    }

    /// <summary>
    /// Pass 3: additionality and role limits per PCN, role and month. Lines still payable after it get the amount
    /// the rules allow before the ARR Sum, rounded once.
    /// </summary>
    private static void AssessGroups(ArrsLineResult[] results, LineWork[] work, int[] order, int n, BatchIds ids, YearTables tables, ArrsRunningTotals totals, FinancialYear year)
    {
        var roleCount = tables.Roles.Count;
        var groupCount = ids.Pcns.Count * roleCount * 12;
        var starts = ArrayPool<int>.Shared.Rent(groupCount + 1);
        var fill = ArrayPool<int>.Shared.Rent(Math.Max(groupCount, 1));
        var grouped = ArrayPool<int>.Shared.Rent(Math.Max(n, 1));
        try
        {
            Array.Clear(starts, 0, groupCount + 1);
            for (var k = 0; k < n; k++)
            {
                var i = order[k];
                if (IsGroupable(in results[i], in work[i]))
                {
                    starts[GroupKey(in work[i], roleCount) + 1]++;
                }
            }

            for (var g = 1; g <= groupCount; g++)
            {
                starts[g] += starts[g - 1];
            }

            Array.Copy(starts, fill, groupCount);
            for (var k = 0; k < n; k++)
            {
                var i = order[k];
                if (IsGroupable(in results[i], in work[i]))
                {
                    grouped[fill[GroupKey(in work[i], roleCount)]++] = i;
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

                ref readonly var head = ref work[grouped[start]];
                var pcn = ids.Pcns[head.Pcn];
                var role = head.Role;
                var month = head.Month;
                SortGroup(work, grouped, start, end);

                var baseline = pcn.BaselineWte(role, month, out var blocked, out var inGrace);
                var cap = tables.Limits[role]?.CapFor(pcn.WeightedPopulation);
                var roleWte = 0m;
                var limitWte = 0m;
                for (var k = start; k < end; k++)
                {
                    var i = grouped[k];
                    ref var w = ref work[i];
                    ref var r = ref results[i];
                    var transferred = (w.Flags & LineWork.Transferred) != 0;
                    var after = transferred ? roleWte : roleWte + w.Wte;
                    r.RoleWteBeforePacked = totals.Pack(roleWte);
                    r.Additionality = AdditionalityRule.Evaluate(transferred, year, blocked, inGrace, baseline, roleWte, after, w.Wte, out var fraction);
                    roleWte = after;

                    if (r.Additionality.Failed)
                    {
                        continue;
                    }

                    var claimable = fraction == 1m ? w.Wte : w.Wte * fraction;
                    r.RoleLimit = RoleLimitRule.Evaluate(cap, limitWte, claimable);
                    if (r.RoleLimit.Assessed)
                    {
                        totals.SetRoleLimitBefore(i, limitWte);
                    }

                    if (r.RoleLimit.Failed)
                    {
                        continue;
                    }

                    limitWte += claimable;

                    // × 1 (the literal, scale 0) leaves a decimal exactly as it is, so it is skipped.
                    w.Amount = Money.ToPence(fraction.Scale == 0 && fraction == 1m ? w.Amount : w.Amount * fraction);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<int>.Shared.Return(fill);
            ArrayPool<int>.Shared.Return(grouped);
        }
    }

    /// <summary>Pass 4, in month then submission order: the ARR Sum, spent line by line.</summary>
    private static void AssessEntitlement(ArrsLineResult[] results, LineWork[] work, int[] order, int n, BatchIds ids, ArrsRunningTotals totals)
    {
        for (var k = 0; k < n; k++)
        {
            var i = order[k];
            ref var r = ref results[i];
            if (r.AnyFailed)
            {
                r.Reimbursable = 0m;
                continue;
            }

            var value = work[i].Amount;
            var pcn = ids.Pcns[work[i].Pcn];
            r.EntitlementUsedBeforePacked = totals.Pack(pcn.Used);
            r.Entitlement = EntitlementRule.Evaluate(pcn.ArrSum, pcn.Used, value, out var paid);
            r.Reimbursable = paid;
            pcn.Used += paid;
        }
    }

    private static bool IsGroupable(in ArrsLineResult r, in LineWork w) =>
        w.Month >= 0 && w.Role >= 0 && !r.RoleEligible.Failed && !r.Period.Failed && !r.Wte.Failed && !r.Duplicate.Failed
        && !r.RateCheck.Failed && !r.Cap.Failed;

    private static int GroupKey(in LineWork w, int roleCount) => (((w.Pcn * roleCount) + w.Role) * 12) + w.Month;

    /// <summary>Staff named in the baseline first, then earliest start date; stable, so ties keep submission order.</summary>
    private static void SortGroup(LineWork[] work, int[] grouped, int start, int end)
    {
        for (var k = start + 1; k < end; k++)
        {
            var item = grouped[k];
            var key = work[item].SortKey;
            var j = k - 1;
            while (j >= start && key < work[grouped[j]].SortKey)
            {
                grouped[j + 1] = grouped[j];
                j--;
            }

            grouped[j + 1] = item;
        }
    }

    /// <summary>What the later passes need to know about a line, copied once so they need not go back to it.</summary>
    private struct LineWork
    {
        public const byte Named = 1;
        public const byte Transferred = 2;

        public decimal Wte;

        /// <summary>Rate × cost within the maximum after pass 1; the amount allowed before the ARR Sum after pass 3.</summary>
        public decimal Amount;

        public int Pcn;
        public int Pair;
        public int Role;
        public int StartDay;
        public sbyte Month;
        public byte Flags;

        /// <summary>Named in the baseline first, then earliest start date.</summary>
        public readonly long SortKey => ((Flags & Named) != 0 ? 0L : 1L << 32) | (uint)StartDay;
    }

    /// <summary>
    /// The unrounded maximum for the period for the last few (annual maximum, WTE, days in post, days in month)
    /// seen: a batch has few distinct ones, and the division is the dearest step of pass 1. Keys compare the decimals
    /// bit for bit (value and scale), so a hit returns exactly what <see cref="MaxForPeriodExact"/> would.
    /// </summary>
    private sealed class MaxForPeriodCache
    {
        private const int Size = 256;
        private readonly Slot[] _slots = new Slot[Size];

        public decimal Get(decimal annual, decimal wte, int daysInPost, int daysInMonth)
        {
            var a = Bits(annual);
            var w = Bits(wte);
            var hash = HashCode.Combine(a, w, daysInPost, daysInMonth);
            ref var slot = ref _slots[hash & (Size - 1)];
            if (!slot.Used || slot.Annual != a || slot.Wte != w || slot.DaysInPost != daysInPost || slot.DaysInMonth != daysInMonth)
            {
                slot = new Slot(true, a, w, daysInPost, daysInMonth, MaxForPeriodExact(annual, wte, daysInPost, daysInMonth));
            }

            return slot.Max;
        }

        private static Int128 Bits(decimal value) => Unsafe.As<decimal, Int128>(ref value);

        private readonly record struct Slot(bool Used, Int128 Annual, Int128 Wte, int DaysInPost, int DaysInMonth, decimal Max);
    }

    /// <summary>The schedule in force per role, area tier and month of the year, and the role limits.</summary>
    private sealed class YearTables
    {
        private readonly RoleRateEntry?[] _rates;

        public YearTables(ArrsReferenceData reference, FinancialYear year)
        {
            Reference = reference;
            Roles = reference.Roles;
            var roleCount = Roles.Count;
            _rates = new RoleRateEntry?[roleCount * Tiers * 12];
            Limits = new ArrsRoleLimit?[roleCount];
            for (var role = 0; role < roleCount; role++)
            {
                for (var tier = 0; tier < Tiers; tier++)
                {
                    for (var m = 0; m < 12; m++)
                    {
                        _rates[(((role * Tiers) + tier) * 12) + m] = reference.RateInForce(role, (AreaTier)tier, year.FirstDay.AddMonths(m));
                    }
                }

                Limits[role] = reference.RoleLimitFor(role, year);
            }

            PharmacistIndex = reference.RoleIndex(PublishedArrsSchedule.ClinicalPharmacist);
        }

        public ArrsReferenceData Reference { get; }

        public IReadOnlyList<ArrsRole> Roles { get; }

        public ArrsRoleLimit?[] Limits { get; }

        public int PharmacistIndex { get; }

        public RoleRateEntry? RateFor(int role, AreaTier tier, int month) => _rates[(((role * Tiers) + (int)tier) * 12) + month];
    }

    /// <summary>
    /// Numbers the batch's PCNs, people and (PCN, person) pairs. Claim lines come in runs for one PCN and list the
    /// same people in the same order month after month, so the PCN is looked up only when it changes, and each pair
    /// remembers which pair followed it last time: when that guess is right (the same PCN and person) the look-ups
    /// are skipped. A pair also remembers its last role code, so the role is looked up only when that changes.
    /// </summary>
    private sealed class BatchIds(ArrsReferenceData reference, IReadOnlyDictionary<string, PcnYearContext> contexts, FinancialYear year)
    {
        private readonly Dictionary<string, int> _pcnIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _staffIds = new(StringComparer.Ordinal);
        private readonly Dictionary<long, int> _pairIds = [];
        private readonly List<PairIds> _pairs = [];
        private string? _lastPcnCode;
        private int _lastPcnId = -1;
        private int _lastPair = -1;

        public List<PcnState> Pcns { get; } = [];

        public int PairCount => _pairs.Count;

        public int StaffCount => _staffIds.Count;

        public int Pcn(string code)
        {
            if (_lastPcnId >= 0 && string.Equals(code, _lastPcnCode, StringComparison.Ordinal))
            {
                return _lastPcnId;
            }

            if (!_pcnIds.TryGetValue(code, out var id))
            {
                id = Pcns.Count;
                _pcnIds.Add(code, id);
                contexts.TryGetValue(code, out var context);
                Pcns.Add(new PcnState(context, reference, year, reference.Roles.Count));
            }

            _lastPcnCode = code;
            _lastPcnId = id;
            return id;
        }

        /// <summary>The pair for the PCN and person; call once per line, in input order.</summary>
        public int Pair(int pcnId, string staffRef)
        {
            var pairs = CollectionsMarshal.AsSpan(_pairs);
            var guess = _lastPair >= 0 ? pairs[_lastPair].Next : -1;
            int id;
            if (guess >= 0 && pairs[guess].Pcn == pcnId && string.Equals(pairs[guess].StaffRef, staffRef, StringComparison.Ordinal))
            {
                id = guess;
            }
            else
            {
                id = Find(pcnId, staffRef);
                if (_lastPair >= 0)
                {
                    CollectionsMarshal.AsSpan(_pairs)[_lastPair].Next = id;
                }
            }

            _lastPair = id;
            return id;
        }

        public int Role(int pairId, string roleCode)
        {
            ref var pair = ref CollectionsMarshal.AsSpan(_pairs)[pairId];
            if (pair.RoleCode is not null && string.Equals(roleCode, pair.RoleCode, StringComparison.Ordinal))
            {
                return pair.Role;
            }

            pair.RoleCode = roleCode;
            pair.Role = reference.RoleIndex(roleCode);
            return pair.Role;
        }

        public int StaffOf(int pairId) => CollectionsMarshal.AsSpan(_pairs)[pairId].Staff;

        public Dictionary<string, PcnState> PcnsByCode()
        {
            var byCode = new Dictionary<string, PcnState>(_pcnIds.Count, StringComparer.Ordinal);
            foreach (var (code, id) in _pcnIds)
            {
                byCode[code] = Pcns[id];
            }

            return byCode;
        }

        private int Find(int pcnId, string staffRef)
        {
            if (!_staffIds.TryGetValue(staffRef, out var staffId))
            {
                staffId = _staffIds.Count;
                _staffIds.Add(staffRef, staffId);
            }

            var key = ((long)pcnId << 32) | (uint)staffId;
            if (!_pairIds.TryGetValue(key, out var id))
            {
                id = _pairs.Count;
                _pairIds.Add(key, id);
                _pairs.Add(new PairIds { Pcn = pcnId, Staff = staffId, StaffRef = staffRef, Role = -1, Next = -1 });
            }

            return id;
        }

        private struct PairIds
        {
            public int Pcn;
            public int Staff;
            public string StaffRef;
            public string? RoleCode;
            public int Role;

            /// <summary>The pair on the line after this pair's last line (-1 when not yet known).</summary>
            public int Next;
        }
    }
}
