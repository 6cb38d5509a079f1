using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PcnPortal.Web.Infrastructure.Auditing;

/// <summary>
/// Writes audit rows with one reused INSERT command in the save's transaction, instead of tracking each row and saving it
/// through the change tracker: an import that adds 15,000 rows writes its 15,000 audit rows with no keys read back and
/// nothing left tracked. On SQLite the command inserts one row and is prepared once (binding a statement's parameters by name
/// is linear in their number, so long multi-row statements cost more than they save); on SQL Server it inserts up to 100 rows
/// an execution (800 parameters, under the limit of 2,100) to save round trips. Table, columns and value conversions come
/// from the EF model, so the same code serves both providers.
/// </summary>
internal static class AuditWriter
{
    public static async Task InsertAsync(DbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var rowsPerCommand = db.Database.IsSqlite() ? 1 : 100;
        var entityType = db.Model.FindEntityType(typeof(AuditEntry))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never)
            .Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: p.GetRelationalTypeMapping(), Getter: p.GetGetter()))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        DbCommand? full = null, rest = null;
        await db.Database.OpenConnectionAsync(cancellationToken); // counted by EF: already open inside the save's transaction
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
