using System.Buffers;

namespace PcnPortal.Domain.Arrs.Engine;

/// <summary>
/// A working array rented from the shared pool for one assessment and given back when disposed, so a batch
/// allocates little beyond its results. The rented array may be longer than asked for: use <see cref="Span"/>.
/// </summary>
internal readonly struct PooledArray<T> : IDisposable
{
    public PooledArray(int length)
    {
        Length = length;
        Array = ArrayPool<T>.Shared.Rent(Math.Max(length, 1));
    }

    public T[] Array { get; }

    public int Length { get; }

    public Span<T> Span => Array.AsSpan(0, Length);

    /// <summary>A rented array with every element set to <paramref name="value"/>.</summary>
    public static PooledArray<T> Filled(int length, T value)
    {
        var pooled = new PooledArray<T>(length);
        pooled.Span.Fill(value);
        return pooled;
    }

    public void Dispose() => ArrayPool<T>.Shared.Return(Array);
}
