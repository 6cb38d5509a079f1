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
    /// <summary>The extract date used to end memberships the file no longer lists (null when rejected).</summary>
    [JsonPropertyName("extractDate")]
    public DateOnly? ExtractDate { get; init; }

    /// <summary>The end date given to memberships the file no longer lists: the day before <see cref="ExtractDate"/>.</summary>
    [JsonPropertyName("absentMembershipsEndOn")]
    public DateOnly? AbsentMembershipsEndOn => ExtractDate?.AddDays(-1);

    /// <summary>Where <see cref="ExtractDate"/> came from: "file" (the workbook's created date) or "import" (the import date).</summary>
    [JsonPropertyName("extractDateSource")]
    public string? ExtractDateSource { get; init; }

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
