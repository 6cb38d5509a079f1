using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PcnPortal.Web.Infrastructure.Auditing;

/// <summary>One audit row as a person reads it: when (UK time), who, a sentence saying what happened, each changed field in words,
/// and the raw values as recorded (behind a details toggle on the pages, in full in the CSV export).</summary>
public sealed record AuditLine(
    long Id, DateTime AtUtc, DateTimeOffset AtUk, string Actor, string Action, string Entity, string EntityKey,
    string Summary, IReadOnlyList<AuditFieldChange> Fields, string? RawBefore, string? RawAfter);

/// <summary>A changed field in words: "Status", "Submitted" → "Approved" (Before is null for an addition, After for a removal).</summary>
public sealed record AuditFieldChange(string Field, string? Before, string? After);

/// <summary>Names the audit rows point at by id, looked up once per page: practices and PCNs as "Name (CODE)", clinical
/// directors by name, memberships by their practice and PCN.</summary>
public sealed record AuditNames(
    IReadOnlyDictionary<int, string> Practices,
    IReadOnlyDictionary<int, string> Pcns,
    IReadOnlyDictionary<int, string> ClinicalDirectors,
    IReadOnlyDictionary<int, (string Practice, string Pcn)> Memberships)
{
    public static AuditNames None { get; } = new(
        new Dictionary<int, string>(), new Dictionary<int, string>(), new Dictionary<int, string>(), new Dictionary<int, (string, string)>());
}

/// <summary>
/// Turns an <see cref="AuditEntry"/> (entity, action and JSON of the changed values) into plain words: "Beech Grove Surgery
/// (Y90070) joined Harbourside PCN (U90001) on 1 July 2019", "Change request 12: status Submitted → Approved". Registration
/// and account events have their own sentences; anything else reads "Claim line 41 changed: Status, Reimbursable". Values
/// are worded by their recorded type (enum numbers as their names, dates as "1 July 2019", times in UK time, true/false as
/// Yes/No), and ids of practices and PCNs as their names.
/// </summary>
public static class AuditWording
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Properties never listed as changed fields: keys and bookkeeping that mean nothing to a reader.</summary>
    private static readonly HashSet<string> HiddenFields = new(StringComparer.Ordinal) { "Id", "Version", "ConcurrencyStamp" };

    private static readonly (string Word, string Acronym)[] Acronyms =
    [
        ("Pcn", "PCN"), ("Ccg", "CCG"), ("Wte", "WTE"), ("Od", "OD"), ("Eoi", "EOI"), ("Arrs", "ARRS"), ("Des", "DES"), ("Esr", "ESR"), ("Ods", "ODS"),
    ];

    /// <param name="typeOf">The recorded CLR type of an entity's property (from the EF model), or null when unknown.</param>
    public static AuditLine Describe(AuditEntry entry, AuditNames names, Func<string, string, Type?> typeOf)
    {
        var before = Parse(entry.Before);
        var after = Parse(entry.After);
        string? Word(string property, JsonElement? value) => value is { } v ? WordValue(entry.Entity, property, v, names, typeOf) : null;
        var fields = before.Keys.Union(after.Keys)
            .Where(k => !HiddenFields.Contains(k))
            .Select(k => new AuditFieldChange(FieldName(k), Word(k, Get(before, k)), Word(k, Get(after, k))))
            .Where(f => f.Before is not null || f.After is not null)
            .ToList();
        var summary = Summary(entry, before, after, names, typeOf, fields);
        var uk = TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(entry.At, DateTimeKind.Utc)), UkClock.TimeZone);
        return new AuditLine(entry.Id, entry.At, uk, entry.Actor, entry.Action, entry.Entity, entry.EntityKey, summary, fields, entry.Before, entry.After);
    }

    /// <summary>"PcnId" → "PCN", "EffectiveDate" → "Effective date", "WteClaimed" → "WTE claimed".</summary>
    public static string FieldName(string property)
    {
        var name = property.EndsWith("Id", StringComparison.Ordinal) && property.Length > 2 ? property[..^2] : property;
        return Words(name);
    }

    /// <summary>"PcnChangeRequest" → "PCN change request", "ArrsClaimLine" → "ARRS claim line".</summary>
    public static string Words(string pascal)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]))))
            {
                words.Add(current.ToString());
                current.Clear();
            }

            current.Append(c);
        }

        words.Add(current.ToString());
        var worded = words.Where(w => w.Length > 0).Select((w, i) =>
        {
            foreach (var (word, acronym) in Acronyms)
            {
                if (string.Equals(w, word, StringComparison.OrdinalIgnoreCase))
                {
                    return acronym;
                }
            }

            return i == 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w.All(char.IsUpper) ? w : w.ToLowerInvariant();
        });
        return string.Join(' ', worded);
    }

    private static string Summary(
        AuditEntry entry, Dictionary<string, JsonElement> before, Dictionary<string, JsonElement> after, AuditNames names,
        Func<string, string, Type?> typeOf, IReadOnlyList<AuditFieldChange> fields)
    {
        var key = int.TryParse(entry.EntityKey, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null;
        string? Text(Dictionary<string, JsonElement> values, string property) =>
            Get(values, property) is { } v ? WordValue(entry.Entity, property, v, names, typeOf) : null;
        string Pcn(string? fallback = null) =>
            (Get(after, "PcnId") ?? Get(before, "PcnId")) is { ValueKind: JsonValueKind.Number } p && names.Pcns.TryGetValue(p.GetInt32(), out var n)
                ? n : fallback ?? "the PCN";

        switch (entry.Entity, entry.Action)
        {
            case ("Account", _):
                var email = Text(after, "Email") ?? "An unknown email";
                var from = Text(after, "Address") is { } address ? $" from {address}" : "";
                return entry.Action switch
                {
                    AccountAudit.SignedIn => $"{email} signed in{from}",
                    AccountAudit.SignInFailed => $"Failed sign-in for {email}{from}",
                    AccountAudit.LockedOut => $"{email} locked out after repeated failed sign-ins{from}",
                    AccountAudit.SignedOut => $"{email} signed out{from}",
                    AccountAudit.PasswordChanged => $"{email} changed their password{from}",
                    AccountAudit.PasswordReset => $"Temporary password set for {email} by {entry.Actor}",
                    _ => $"{Words(entry.Action)}: {email}{from}",
                };

            case ("PcnMembership", "Added"):
                var practice = PracticeName(after, names);
                var left = Text(after, "EndDate") is { } end ? $", last day {end}" : "";
                return $"{practice} joined {Pcn()} on {Text(after, "StartDate")}{left}";

            case ("PcnMembership", "Modified") when after.ContainsKey("EndDate") || before.ContainsKey("EndDate"):
                var (member, ofPcn) = key is { } membershipId && names.Memberships.TryGetValue(membershipId, out var m)
                    ? m
                    : ($"Membership {entry.EntityKey}", "the PCN");
                return Text(after, "EndDate") is { } lastDay
                    ? $"{member} left {ofPcn}: last day {lastDay}"
                    : $"{member}: leaving date in {ofPcn} removed (a member again)";

            case ("PcnMembership", "Deleted"):
                return $"{PracticeName(before, names)} removed from {Pcn()} (joined {Text(before, "StartDate")})";

            case ("Pcn", "Added"):
                return $"{Text(after, "Name")} ({Text(after, "Code")}) registered, open from {Text(after, "OpenDate")}";

            case ("Pcn", "Modified"):
                var pcn = key is { } pcnId && names.Pcns.TryGetValue(pcnId, out var pn) ? pn : $"PCN {entry.EntityKey}";
                if (Text(after, "CloseDate") is { } closed)
                {
                    return $"{pcn} closed on {closed}";
                }

                return $"{pcn} details changed: {string.Join(", ", fields.Select(f => f.Field.ToLower(Uk)))}";

            case ("ClinicalDirector", "Added"):
                return $"{Text(after, "Name")} ({Text(after, "Profession")}) clinical director of {Pcn()} from {Text(after, "From")}";

            case ("ClinicalDirector", "Modified") when Text(after, "To") is { } to:
                var director = key is { } directorId && names.ClinicalDirectors.TryGetValue(directorId, out var dn) ? dn : "The clinical director";
                return $"{director} stood down as clinical director on {to}";

            case ("PcnChangeRequest", "Added"):
                return $"Change request {entry.EntityKey} submitted for {Pcn()}: {Text(after, "Kind")?.ToLower(Uk)}, from {Text(after, "EffectiveDate")}";
        }

        var what = Words(entry.Entity);
        var status = fields.FirstOrDefault(f => f.Field == "Status");

        // A record that carries a name (a practice, a locality, a role) is named by it, with its code when it has one.
        string Named(Dictionary<string, JsonElement> values) =>
            Text(values, "Name") is { } name ? (Text(values, "Code") is { } code ? $"{name} ({code})" : name) : entry.EntityKey;
        return entry.Action switch
        {
            "Added" => $"{what} {Named(after)} added",
            "Deleted" => $"{what} {Named(before)} removed",
            "Modified" when status is not null && fields.Count == 1 => $"{what} {entry.EntityKey}: status {status.Before ?? "(none)"} → {status.After ?? "(none)"}",
            "Modified" when status is not null => $"{what} {entry.EntityKey}: status {status.Before ?? "(none)"} → {status.After ?? "(none)"}; also {string.Join(", ", fields.Where(f => f != status).Select(f => f.Field.ToLower(Uk)))}",
            "Modified" => $"{what} {entry.EntityKey} changed: {string.Join(", ", fields.Select(f => f.Field.ToLower(Uk)))}",
            _ => $"{Words(entry.Action)}: {what} {entry.EntityKey}",
        };
    }

    private static string PracticeName(Dictionary<string, JsonElement> values, AuditNames names) =>
        Get(values, "PracticeId") is { ValueKind: JsonValueKind.Number } p && names.Practices.TryGetValue(p.GetInt32(), out var name)
            ? name
            : "A practice";

    private static string? WordValue(string entity, string property, JsonElement value, AuditNames names, Func<string, string, Type?> typeOf)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            if (property == "PcnId" && names.Pcns.TryGetValue(number, out var pcn))
            {
                return pcn;
            }

            if (property == "PracticeId" && names.Practices.TryGetValue(number, out var practice))
            {
                return practice;
            }
        }

        var type = typeOf(entity, property);
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (type is { IsEnum: true } && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var enumValue))
        {
            return Enum.GetName(type, enumValue) is { } name ? Words(name) : enumValue.ToString(CultureInfo.InvariantCulture);
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean() ? "Yes" : "No";
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (type == typeof(DateOnly) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date.ToString("d MMMM yyyy", Uk);
            }

            if (type == typeof(DateTime) && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            {
                return TimeZoneInfo.ConvertTime(new DateTimeOffset(at, TimeSpan.Zero), UkClock.TimeZone).ToString("d MMMM yyyy HH:mm", Uk);
            }

            return text;
        }

        return value.ToString();
    }

    private static JsonElement? Get(Dictionary<string, JsonElement> values, string property) =>
        values.TryGetValue(property, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static Dictionary<string, JsonElement> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal)
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
