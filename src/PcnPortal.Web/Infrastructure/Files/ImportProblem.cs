namespace PcnPortal.Web.Infrastructure.Files;

public enum ImportProblemSeverity
{
    /// <summary>The file is rejected: nothing from it may be saved.</summary>
    Error = 0,

    /// <summary>Shown and counted; the file is still accepted.</summary>
    Warning = 1,
}

/// <summary>
/// One thing wrong with an import file. <see cref="Sheet"/> is null for CSV files; <see cref="Row"/> is the row number as a
/// spreadsheet shows it (header = 1), null for whole-file problems; <see cref="Column"/> is the header text as found in the file
/// (or the expected column name when it is missing).
/// </summary>
public sealed record ImportProblem(string? Sheet, int? Row, string? Column, string Message, ImportProblemSeverity Severity = ImportProblemSeverity.Error)
{
    public bool IsError => Severity == ImportProblemSeverity.Error;

    public override string ToString()
    {
        var where = string.Join(", ", new[]
        {
            Sheet is null ? null : $"sheet '{Sheet}'",
            Row is null ? null : $"row {Row}",
            Column is null ? null : $"column '{Column}'",
        }.Where(p => p is not null));
        return where.Length == 0 ? Message : $"{where}: {Message}";
    }
}
