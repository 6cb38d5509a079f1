namespace PcnPortal.Domain.Maturity;

/// <summary>How many PCNs sit at each position in one domain, for one round. <see cref="Missing"/> counts expected PCNs with no position.</summary>
public sealed record DomainPositionCounts(MaturityDomain Domain, IReadOnlyDictionary<MaturityPosition, int> Counts, int Missing)
{
    public int this[MaturityPosition position] => Counts.TryGetValue(position, out var n) ? n : 0;

    /// <summary>PCNs with a position (including Not assessed).</summary>
    public int Positioned => Counts.Values.Sum();

    /// <summary>The most common assessed position(s), for sentences like "the majority are at Step 1"; ties all returned, lowest first.</summary>
    public IReadOnlyList<MaturityPosition> Modal()
    {
        var assessed = MaturityPositions.Assessed.Where(p => this[p] > 0).ToList();
        if (assessed.Count == 0)
        {
            return [];
        }

        var max = assessed.Max(p => this[p]);
        return [.. assessed.Where(p => this[p] == max)];
    }
}

/// <summary>The domain × PCN table shown to committee. A null cell means the PCN's return does not cover that domain.</summary>
public sealed record MaturityGrid(IReadOnlyList<string> PcnCodes, IReadOnlyList<MaturityGridRow> Rows);

public sealed record MaturityGridRow(MaturityDomain Domain, IReadOnlyList<MaturityPosition?> Cells);

public enum MaturityMovement
{
    Improved = 1,
    Same = 2,
    Lower = 3,

    /// <summary>Either side is Not assessed or missing.</summary>
    NotComparable = 4,
}

/// <summary>One PCN's movement in one domain between two rounds; <see cref="Change"/> is the ordinal difference (later − earlier), null when not comparable.</summary>
public sealed record PositionMovement(
    string PcnCode,
    MaturityDomain Domain,
    MaturityPosition? Earlier,
    MaturityPosition? Later,
    MaturityMovement Movement,
    decimal? Change);

/// <summary>Per-domain counts of movements between two rounds.</summary>
public sealed record DomainMovementSummary(MaturityDomain Domain, int Improved, int Same, int Lower, int NotComparable);

/// <summary>Pure summaries of maturity rounds for committee reporting. A round is a set of PCN returns.</summary>
public static class MaturitySummary
{
    /// <summary>
    /// Counts per position per domain. <paramref name="expectedPcnCodes"/> (optional) lists the PCNs that should have returned;
    /// those with no position in a domain count as Missing. Without it, Missing is always 0.
    /// </summary>
    public static IReadOnlyList<DomainPositionCounts> CountsByDomain(
        IEnumerable<PcnMaturityReturn> round,
        IEnumerable<string>? expectedPcnCodes = null)
    {
        var returns = Latest(round);
        var expected = expectedPcnCodes?.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var result = new List<DomainPositionCounts>();
        foreach (var domain in MaturityDomains.All)
        {
            var counts = MaturityPositions.All.ToDictionary(p => p, _ => 0);
            foreach (var r in returns.Values)
            {
                if (r.For(domain) is { } dp)
                {
                    counts[dp.Position]++;
                }
            }

            var missing = expected?.Count(code => !returns.TryGetValue(code, out var r) || r.For(domain) is null) ?? 0;
            result.Add(new DomainPositionCounts(domain, counts, missing));
        }

        return result;
    }

    /// <summary>The domain × PCN grid, columns in the order given by <paramref name="pcnCodes"/>.</summary>
    public static MaturityGrid Grid(IEnumerable<PcnMaturityReturn> round, IReadOnlyList<string> pcnCodes)
    {
        var returns = Latest(round);
        var rows = MaturityDomains.All
            .Select(domain => new MaturityGridRow(domain,
                [.. pcnCodes.Select(code => returns.TryGetValue(code, out var r) ? r.For(domain)?.Position : null)]))
            .ToList();
        return new MaturityGrid(pcnCodes, rows);
    }

    /// <summary>Compares two positions on the ordinal scale. Null (missing) or Not assessed on either side is Not comparable.</summary>
    public static MaturityMovement Compare(MaturityPosition? earlier, MaturityPosition? later)
    {
        var from = earlier?.Ordinal();
        var to = later?.Ordinal();
        if (from is null || to is null)
        {
            return MaturityMovement.NotComparable;
        }

        return to > from ? MaturityMovement.Improved : to < from ? MaturityMovement.Lower : MaturityMovement.Same;
    }

    /// <summary>
    /// Year-on-year movement per PCN and domain, for every PCN in either round (earlier round's PCNs first, then new ones, in order of appearance).
    /// </summary>
    public static IReadOnlyList<PositionMovement> Movements(IEnumerable<PcnMaturityReturn> earlierRound, IEnumerable<PcnMaturityReturn> laterRound)
    {
        var earlier = Latest(earlierRound);
        var later = Latest(laterRound);
        var codes = earlier.Keys.Concat(later.Keys).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var result = new List<PositionMovement>();
        foreach (var code in codes)
        {
            foreach (var domain in MaturityDomains.All)
            {
                var from = earlier.TryGetValue(code, out var e) ? e.For(domain)?.Position : null;
                var to = later.TryGetValue(code, out var l) ? l.For(domain)?.Position : null;
                var movement = Compare(from, to);
                var change = movement == MaturityMovement.NotComparable ? null : to!.Value.Ordinal() - from!.Value.Ordinal();
                result.Add(new PositionMovement(code, domain, from, to, movement, change));
            }
        }

        return result;
    }

    /// <summary>Per-domain totals of <see cref="Movements"/>.</summary>
    public static IReadOnlyList<DomainMovementSummary> MovementByDomain(IEnumerable<PositionMovement> movements)
    {
        var list = movements.ToList();
        return
        [
            .. MaturityDomains.All.Select(domain =>
            {
                var d = list.Where(m => m.Domain == domain).ToList();
                return new DomainMovementSummary(
                    domain,
                    d.Count(m => m.Movement == MaturityMovement.Improved),
                    d.Count(m => m.Movement == MaturityMovement.Same),
                    d.Count(m => m.Movement == MaturityMovement.Lower),
                    d.Count(m => m.Movement == MaturityMovement.NotComparable));
            }),
        ];
    }

    // If a round holds two returns for one PCN, the later one in the sequence wins (callers pass returns in submission order).
    private static Dictionary<string, PcnMaturityReturn> Latest(IEnumerable<PcnMaturityReturn> round)
    {
        var map = new Dictionary<string, PcnMaturityReturn>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in round)
        {
            map[r.PcnCode.Trim()] = r;
        }

        return map;
    }
}
