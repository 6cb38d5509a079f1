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
/// Used for audit rows (<see cref="Auditing.AuditWriter"/>) and ARRS rule outcome rows.
/// </summary>
internal static class ModelRowWriter
{
    public static async Task InsertAsync<TEntity>(DbContext db, IReadOnlyList<TEntity> entries, int rowsPerCommand, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (entries.Count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(TEntity))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never)
            .Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: p.GetRelationalTypeMapping(), Getter: p.GetGetter()))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        DbCommand? full = null, rest = null;
        await db.Database.OpenConnectionAsync(cancellationToken); // counted by EF: already open inside a transaction
        try
        {
            for (var start = 0; start < entries.Count; start += rowsPerCommand)
            {
                var count = Math.Min(rowsPerCommand, entries.Count - start);
                var command = count == rowsPerCommand ? full ??= Create(count) : rest ??= Create(count);

                // Parameters are made afresh for each execution from the column's type mapping (conversion, type and, on
                // SQL Server, a size that fits the value); the command text, and so the prepared statement, stays the same.
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

            await db.Database.CloseConnectionAsync();
        }

        DbCommand Create(int rows)
        {
            var text = new StringBuilder("INSERT INTO ")
                .Append(sql.DelimitIdentifier(table.Name, table.Schema))
                .Append(" (").AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Column))).Append(") VALUES ");
            for (var row = 0; row < rows; row++)
            {
                text.Append(row == 0 ? "(" : ", (")
                    .AppendJoin(", ", columns.Select((_, c) => sql.GenerateParameterNamePlaceholder($"p{(row * columns.Count) + c}")))
                    .Append(')');
            }

            var command = connection.CreateCommand();
            command.CommandText = text.ToString();
            command.Transaction = transaction;
            command.CommandTimeout = db.Database.GetCommandTimeout() ?? command.CommandTimeout;
            return command;
        }
    }

    private static string ParameterName(ISqlGenerationHelper sql, int index) => sql.GenerateParameterName($"p{index}");
}
