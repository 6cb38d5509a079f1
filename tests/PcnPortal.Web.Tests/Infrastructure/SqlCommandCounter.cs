using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PcnPortal.Web.Tests.Infrastructure;

/// <summary>A command as it was sent: its text and its parameters' names and values.</summary>
public sealed record RecordedCommand(string Text, IReadOnlyList<(string Name, object? Value)> Parameters);

/// <summary>
/// Counts every SQL command the app runs and keeps the newest ones (add it with a test-only service override);
/// thread-safe.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<RecordedCommand> _commands = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The commands run since the last <see cref="Reset"/>, oldest first.</summary>
    public IReadOnlyList<RecordedCommand> Commands => [.. _commands];

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        _commands.Clear();
    }

    private void Record(DbCommand command)
    {
        Interlocked.Increment(ref _count);
        _commands.Enqueue(new RecordedCommand(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}
