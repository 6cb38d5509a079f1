using System.Text.Json.Serialization;
using PcnPortal.Web.Infrastructure.Files;

namespace PcnPortal.Web.Features.Registration;

public sealed record PcnCounts(
    [property: JsonPropertyName("created")] int Created,
    [property: JsonPropertyName("updated")] int Updated,
    [property: JsonPropertyName("open")] int Open,
    [property: JsonPropertyName("closed")] int Closed);

public sealed record MembershipCounts(
    [property: JsonPropertyName("current")] int Current,
    [property: JsonPropertyName("ended")] int Ended,
    [property: JsonPropertyName("created")] int Created,
    [property: JsonPropertyName("updated")] int Updated,
    [property: JsonPropertyName("endedNotInFile")] int EndedNotInFile);

/// <summary>What an ePCN import did (contract.md). <see cref="WarningPcns"/> lists the PCNs behind each warning (browser only).</summary>
public sealed record EpcnImportSummary(
    [property: JsonPropertyName("pcns")] PcnCounts Pcns,
    [property: JsonPropertyName("practices")] int Practices,
    [property: JsonPropertyName("memberships")] MembershipCounts Memberships,
    [property: JsonPropertyName("unallocatedSkipped")] int UnallocatedSkipped,
    [property: JsonPropertyName("warnings")] IReadOnlyDictionary<string, int> Warnings,
    [property: JsonPropertyName("errors")] IReadOnlyList<string> Errors)
{
    /// <summary>
    /// The same counts as <see cref="Warnings"/> for every PCN in the file open on the extract date, all England (e.g. how many
    /// PCN names break the naming rules nationally).
    /// </summary>
    [JsonPropertyName("warningsEngland")]
    public IReadOnlyDictionary<string, int> WarningsEngland { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// Each warning about the file's rows, naming the sheet and row: national data kept as published (a practice in two PCNs
    /// at once outside this CCG), memberships that cover no day, PCNs the PCN sheet lacks.
    /// </summary>
    [JsonPropertyName("fileWarnings")]
    public IReadOnlyList<string> FileWarnings { get; init; } = [];

    /// <summary>The file's extract date, used to end memberships the file no longer lists and to refuse an older file.</summary>
    [JsonPropertyName("extractDate")]
    public DateOnly? ExtractDate { get; init; }

    /// <summary>The end date given to memberships the file no longer lists: the day before <see cref="ExtractDate"/>.</summary>
    [JsonPropertyName("absentMembershipsEndOn")]
    public DateOnly? AbsentMembershipsEndOn => ExtractDate?.AddDays(-1);

    /// <summary>
    /// Where <see cref="ExtractDate"/> came from: "workbookCreated" (the workbook's created date, when it is on or after the
    /// latest date the file records), "latestDateInFile" (the latest open, close, join or left date in the file), or "import"
    /// (the import date; only for a file that records no dates).
    /// </summary>
    [JsonPropertyName("extractDateSource")]
    public string? ExtractDateSource { get; init; }

    /// <summary><see cref="ExtractDateSource"/> in words.</summary>
    [JsonIgnore]
    public string ExtractDateDescription => DescribeExtractDateSource(ExtractDateSource);

    public static string DescribeExtractDateSource(string? source) => source switch
    {
        "workbookCreated" => "the workbook's created date",
        "latestDateInFile" => "the latest date the file records (the workbook has no plausible created date)",
        _ => "the import date: the file records no dates",
    };

    [JsonIgnore]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> WarningPcns { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    [JsonIgnore]
    public IReadOnlyList<ImportProblem> Problems { get; init; } = [];

    [JsonIgnore]
    public bool IsRejected => Errors.Count > 0;
}

public sealed record ListSizePracticeCounts(
    [property: JsonPropertyName("updated")] int Updated,
    [property: JsonPropertyName("unchanged")] int Unchanged,
    [property: JsonPropertyName("unknown")] int Unknown);

/// <summary>What a list-size import did (contract.md).</summary>
public sealed record ListSizeImportSummary(
    [property: JsonPropertyName("asAt")] string? AsAt,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("practices")] ListSizePracticeCounts Practices,
    [property: JsonPropertyName("warnings")] IReadOnlyDictionary<string, int> Warnings,
    [property: JsonPropertyName("errors")] IReadOnlyList<string> Errors)
{
    [JsonIgnore]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> WarningPcns { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    [JsonIgnore]
    public IReadOnlyList<ImportProblem> Problems { get; init; } = [];

    [JsonIgnore]
    public IReadOnlyList<string> UnknownPractices { get; init; } = [];

    [JsonIgnore]
    public bool IsRejected => Errors.Count > 0;
}
