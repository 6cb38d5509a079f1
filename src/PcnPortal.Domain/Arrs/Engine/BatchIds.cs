using System.Runtime.InteropServices;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Arrs.Engine;

/// <summary>
/// Numbers the batch's PCNs, people and (PCN, person) pairs. Claim lines come in runs for one PCN and list the
/// same people in the same order month after month, so the PCN is looked up only when it changes, and each pair
/// remembers which pair followed it last time: when that guess is right (the same PCN and person) the look-ups
/// are skipped. A pair also remembers its last role code, so the role is looked up only when that changes.
/// </summary>
internal sealed class BatchIds(ArrsReferenceData reference, IReadOnlyDictionary<string, PcnYearContext> contexts, FinancialYear year)
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
            Pcns.Add(new PcnState(code, context, reference, year, reference.Roles.Count));
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
