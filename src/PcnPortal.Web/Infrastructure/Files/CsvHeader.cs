namespace PcnPortal.Web.Infrastructure.Files;

/// <summary>The header row of an uploaded CSV file, checked the same way by every importer that names its columns.</summary>
public static class CsvHeader
{
    /// <summary>
    /// Maps each column name (trimmed, lower case) to its position in <paramref name="header"/>. Adds a problem on row 1
    /// for a column that is not one of <paramref name="columns"/> ("'x' is not a <paramref name="noun"/> column"), for a
    /// column named twice, and for each of <paramref name="required"/> that is missing.
    /// </summary>
    public static Dictionary<string, int> Index(string[] header, IReadOnlyList<string> columns, IEnumerable<string> required, string noun, List<ImportProblem> problems)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().ToLowerInvariant();
            if (!columns.Contains(name))
            {
                problems.Add(new ImportProblem(null, 1, header[i], $"'{header[i]}' is not a {noun} column. The columns are: {string.Join(", ", columns)}."));
            }
            else if (!index.TryAdd(name, i))
            {
                problems.Add(new ImportProblem(null, 1, name, $"The column '{name}' appears more than once."));
            }
        }

        foreach (var missing in required.Where(c => !index.ContainsKey(c)))
        {
            problems.Add(new ImportProblem(null, 1, missing, $"The header has no '{missing}' column."));
        }

        return index;
    }
}
