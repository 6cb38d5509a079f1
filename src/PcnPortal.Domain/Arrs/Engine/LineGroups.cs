namespace PcnPortal.Domain.Arrs.Engine;

/// <summary>
/// Line positions grouped by a small whole-number key (a PCN, role and month), each group keeping the order the
/// lines were given in. A counting sort: two passes over the lines whatever their number, and no comparisons.
/// </summary>
internal readonly struct LineGroups : IDisposable
{
    private readonly PooledArray<int> _starts;
    private readonly PooledArray<int> _lines;

    /// <param name="order">The lines in the order each group should keep.</param>
    /// <param name="keys">Each line's group by position, or -1 to leave the line out.</param>
    /// <param name="groupCount">The number of possible keys.</param>
    public LineGroups(ReadOnlySpan<int> order, ReadOnlySpan<int> keys, int groupCount)
    {
        Count = groupCount;
        _starts = PooledArray<int>.Filled(groupCount + 1, 0);
        _lines = new PooledArray<int>(order.Length);
        var starts = _starts.Span;
        foreach (var line in order)
        {
            if (keys[line] >= 0)
            {
                starts[keys[line] + 1]++;
            }
        }

        for (var g = 1; g <= groupCount; g++)
        {
            starts[g] += starts[g - 1];
        }

        using var next = new PooledArray<int>(groupCount);
        starts[..groupCount].CopyTo(next.Span);
        foreach (var line in order)
        {
            if (keys[line] >= 0)
            {
                _lines.Array[next.Array[keys[line]]++] = line;
            }
        }
    }

    public int Count { get; }

    /// <summary>The lines in group <paramref name="group"/>, in the order given (empty when none).</summary>
    public Span<int> this[int group] => _lines.Array.AsSpan(_starts.Array[group], _starts.Array[group + 1] - _starts.Array[group]);

    /// <summary>The groups that have lines, in key order.</summary>
    public Enumerator GetEnumerator() => new(this);

    public void Dispose()
    {
        _starts.Dispose();
        _lines.Dispose();
    }

    public ref struct Enumerator(LineGroups groups)
    {
        private int _group = -1;

        public readonly Span<int> Current => groups[_group];

        public bool MoveNext()
        {
            while (++_group < groups.Count)
            {
                if (!groups[_group].IsEmpty)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
