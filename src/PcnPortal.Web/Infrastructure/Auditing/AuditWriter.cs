using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Infrastructure.Auditing;

/// <summary>
/// Writes audit rows with <see cref="ModelRowWriter"/> in the save's transaction, instead of tracking each row and saving it
/// through the change tracker: an import that adds 15,000 rows writes its 15,000 audit rows with no keys read back and
/// nothing left tracked. On SQLite the command inserts one row and is prepared once (binding a statement's parameters by name
/// is linear in their number, so long multi-row statements cost more than they save); on SQL Server it inserts up to 100 rows
/// an execution (800 parameters, under the limit of 2,100) to save round trips.
/// </summary>
internal static class AuditWriter
{
    public static Task InsertAsync(DbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken) =>
        ModelRowWriter.InsertAsync(db, entries, db.Database.IsSqlite() ? 1 : 100, cancellationToken);
}
