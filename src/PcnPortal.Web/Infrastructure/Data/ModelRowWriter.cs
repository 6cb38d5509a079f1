using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PcnPortal.Web.Infrastructure.Data;

/// <summary>
/// Inserts rows of a mapped entity type with reused INSERT commands in the context's current transaction, instead of
/// tracking each row and saving it through the change tracker: no keys are read back and nothing is left tracked. The
/// command inserts <c>rowsPerCommand</c> rows an execution (keep rows × columns under SQL Server's 2,100 parameters); its
/// text stays the same from one execution to the next, so the statement is prepared once. Table, columns (every property
/// the database does not generate) and value conversions come from the EF model, so the same code serves both providers.
/// Used for audit rows (<see cref="Auditing.AuditWriter"/>) and new ARRS claim lines.
/// <para>
/// With <c>withKeys</c> the key columns are written too (keys the caller chose, for rows whose audit rows must name
/// them); on SQL Server the insert is then wrapped in <c>SET IDENTITY_INSERT … ON/OFF</c>. On SQLite the parameters are
/// made once per command and only their values change between executions (the SQLite mappings set nothing that depends
/// on the value); on SQL Server they are made afresh each time, because a string parameter's size follows its value.
/// </para>
/// </summary>
internal static class ModelRowWriter
{
    public static async Task InsertAsync<TEntity>(DbContext db, IReadOnlyList<TEntity> entries, int rowsPerCommand, CancellationToken cancellationToken, bool withKeys = false)
        where TEntity : class
    {
        if (entries.Count == 0)
        {
            return;
        }

        var (table, columns) = Columns(db, typeof(TEntity), withKeys);
        var sql = db.GetService<ISqlGenerationHelper>();
        var reuseParameters = db.Database.IsSqlite();
        var identityInsert = withKeys && db.Database.IsSqlServer() ? sql.DelimitIdentifier(table.Name, table.Schema) : null;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        DbCommand? full = null, rest = null;
        await db.Database.OpenConnectionAsync(cancellationToken); // counted by EF: already open inside a transaction
        if (identityInsert is not null)
        {
            await ExecuteAsync(connection, transaction, "SET IDENTITY_INSERT " + identityInsert + " ON", cancellationToken);
        }

        try
        {
            for (var start = 0; start < entries.Count; start += rowsPerCommand)
            {
                var count = Math.Min(rowsPerCommand, entries.Count - start);
                var command = count == rowsPerCommand ? full ??= Create(count) : rest ??= Create(count);

                if (reuseParameters && command.Parameters.Count > 0)
                {
                    for (var row = 0; row < count; row++)
                    {
                        for (var c = 0; c < columns.Count; c++)
                        {
                            var (_, _, mapping, getter) = columns[c];
                            var value = getter.GetClrValue(entries[start + row]);
                            command.Parameters[(row * columns.Count) + c].Value = (mapping.Converter is { } converter && value is not null ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
                        }
                    }

                    await command.ExecuteNonQueryAsync(cancellationToken);
                    continue;
                }

                // Parameters are made from the column's type mapping (conversion, type and, on SQL Server, a size that
                // fits the value); the command text, and so the prepared statement, stays the same.
                command.Parameters.Clear();
                for (var row = 0; row < count; row++)
                {
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var (property, _, mapping, getter) = columns[c];
                        command.Parameters.Add(mapping.CreateParameter(command, ParameterName(sql, (row * columns.Count) + c), getter.GetClrValue(entries[start + row]), property.IsNullable));
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }

            if (rest is not null)
            {
                await rest.DisposeAsync();
            }

            if (identityInsert is not null)
            {
                await ExecuteAsync(connection, transaction, "SET IDENTITY_INSERT " + identityInsert + " OFF", cancellationToken);
            }

            await db.Database.CloseConnectionAsync();
        }

        DbCommand Create(int rows)
        {
            var command = connection.CreateCommand();
            command.CommandText = CommandText(sql, table, columns.Select(c => c.Column).ToList(), rows);
            command.Transaction = transaction;
            command.CommandTimeout = db.Database.GetCommandTimeout() ?? command.CommandTimeout;
            return command;
        }
    }

    /// <summary>The INSERT statement for <paramref name="rows"/> rows of the entity type, as <see cref="InsertAsync"/> runs it.</summary>
    internal static string CommandText(DbContext db, Type entity, int rows, bool withKeys = false)
    {
        var (table, columns) = Columns(db, entity, withKeys);
        return CommandText(db.GetService<ISqlGenerationHelper>(), table, columns.Select(c => c.Column).ToList(), rows);
    }

    /// <summary>The columns written: every property the database does not generate, and with <c>withKeys</c> the key.</summary>
    private static (StoreObjectIdentifier Table, List<(IProperty Property, string Column, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)> Columns) Columns(
        DbContext db, Type entity, bool withKeys)
    {
        var entityType = db.Model.FindEntityType(entity)!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never || (withKeys && p.IsPrimaryKey()))
            .Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: p.GetRelationalTypeMapping(), Getter: p.GetGetter()))
            .ToList();
        return (table, columns);
    }

    private static string CommandText(ISqlGenerationHelper sql, StoreObjectIdentifier table, List<string> columns, int rows)
    {
        var text = new StringBuilder("INSERT INTO ")
            .Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (").AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c))).Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (")
                .AppendJoin(", ", columns.Select((_, c) => sql.GenerateParameterNamePlaceholder($"p{(row * columns.Count) + c}")))
                .Append(')');
        }

        return text.ToString();
    }

    /// <summary>A statement with no parameters (the table name comes from the EF model, delimited).</summary>
    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string text, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = text;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ParameterName(ISqlGenerationHelper sql, int index) => sql.GenerateParameterName($"p{index}");
}
