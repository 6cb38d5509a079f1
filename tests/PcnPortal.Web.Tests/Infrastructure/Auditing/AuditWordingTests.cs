using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Auditing;

namespace PcnPortal.Web.Tests.Infrastructure.Auditing;

/// <summary>Audit rows in words (issue #17, "Plain-language history"): one case per kind of sentence.</summary>
public sealed class AuditWordingTests
{
    private static readonly AuditNames Names = new(
        new Dictionary<int, string> { [7] = "Beech Grove Surgery (Y90070)" },
        new Dictionary<int, string> { [3] = "Harbourside and Docks PCN (U90001)" },
        new Dictionary<int, string> { [5] = "Dr Asha Rahman" },
        new Dictionary<int, (string, string)> { [11] = ("Beech Grove Surgery (Y90070)", "Harbourside and Docks PCN (U90001)") });

    private static Type? TypeOf(string entity, string property) => (entity, property) switch
    {
        ("PcnChangeRequest", "Status") => typeof(PcnChangeStatus),
        ("PcnChangeRequest", "Kind") => typeof(PcnChangeKind),
        (_, "StartDate" or "EndDate" or "OpenDate" or "CloseDate" or "EffectiveDate" or "From" or "To") => typeof(DateOnly?),
        (_, "DecidedAt") => typeof(DateTime?),
        _ => null,
    };

    public static TheoryData<string, string, string, string?, string?, string> Cases => new()
    {
        { "PcnMembership", "Added", "11", null, """{"Id":11,"PcnId":3,"PracticeId":7,"StartDate":"2019-07-01","EndDate":null}""", "Beech Grove Surgery (Y90070) joined Harbourside and Docks PCN (U90001) on 1 July 2019" },
        { "PcnMembership", "Added", "12", null, """{"Id":12,"PcnId":3,"PracticeId":7,"StartDate":"2019-07-01","EndDate":"2022-06-30"}""", "Beech Grove Surgery (Y90070) joined Harbourside and Docks PCN (U90001) on 1 July 2019, last day 30 June 2022" },
        { "PcnMembership", "Modified", "11", """{"EndDate":null}""", """{"EndDate":"2022-06-30"}""", "Beech Grove Surgery (Y90070) left Harbourside and Docks PCN (U90001): last day 30 June 2022" },
        { "PcnMembership", "Modified", "11", """{"EndDate":"2022-06-30"}""", """{"EndDate":null}""", "Beech Grove Surgery (Y90070): leaving date in Harbourside and Docks PCN (U90001) removed (a member again)" },
        { "Pcn", "Added", "3", null, """{"Id":3,"Code":"U90001","Name":"Harbourside and Docks PCN","OpenDate":"2019-07-01"}""", "Harbourside and Docks PCN (U90001) registered, open from 1 July 2019" },
        { "Pcn", "Modified", "3", """{"CloseDate":null}""", """{"CloseDate":"2024-03-31"}""", "Harbourside and Docks PCN (U90001) closed on 31 March 2024" },
        { "Pcn", "Modified", "3", """{"MapNote":null,"LocalityId":null}""", """{"MapNote":"Boundary agreed","LocalityId":2}""", "Harbourside and Docks PCN (U90001) details changed: map note, locality" },
        { "ClinicalDirector", "Added", "5", null, """{"PcnId":3,"Name":"Dr Asha Rahman","Profession":"GP","From":"2019-07-01"}""", "Dr Asha Rahman (GP) clinical director of Harbourside and Docks PCN (U90001) from 1 July 2019" },
        { "ClinicalDirector", "Modified", "5", """{"To":null}""", """{"To":"2023-03-31"}""", "Dr Asha Rahman stood down as clinical director on 31 March 2023" },
        { "PcnChangeRequest", "Added", "9", null, """{"PcnId":3,"Kind":2,"EffectiveDate":"2026-04-01"}""", "Change request 9 submitted for Harbourside and Docks PCN (U90001): nominated payee, from 1 April 2026" },
        { "PcnChangeRequest", "Modified", "9", """{"Status":1}""", """{"Status":2}""", "PCN change request 9: status Submitted → Approved" },
        { "Account", "SignedIn", "u1", null, """{"Email":"manager@demo.pcnportal.test","Address":"10.0.0.5"}""", "manager@demo.pcnportal.test signed in from 10.0.0.5" },
        { "Account", "SignInFailed", "unknown", null, """{"Email":"nobody@example.test","Address":null}""", "Failed sign-in for nobody@example.test" },
        { "ArrsClaimLine", "Added", "41", null, """{"Id":41,"Month":"2024-04-01"}""", "ARRS claim line 41 added" },
        { "OdEoi", "Deleted", "4", """{"Id":4}""", null, "OD EOI 4 removed" },
        { "Practice", "Added", "6890", null, """{"Id":6890,"Code":"Y90070","Name":"Beech Grove Surgery"}""", "Practice Beech Grove Surgery (Y90070) added" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Describe_SaysWhatHappenedInWords(string entity, string action, string key, string? before, string? after, string expected)
    {
        var entry = new AuditEntry { Id = 1, At = new DateTime(2026, 7, 1, 9, 30, 0, DateTimeKind.Utc), Actor = "someone", Action = action, Entity = entity, EntityKey = key, Before = before, After = after };

        var line = AuditWording.Describe(entry, Names, TypeOf);

        Assert.Equal(expected, line.Summary);
    }

    [Fact]
    public void Describe_ShowsTheTimeInUkTime_AndKeepsTheRecordedValues()
    {
        var summer = new AuditEntry { At = new DateTime(2026, 7, 1, 23, 30, 0, DateTimeKind.Utc), Actor = "a", Action = "Modified", Entity = "Pcn", EntityKey = "3", Before = """{"Name":"A"}""", After = """{"Name":"B"}""" };
        var winter = new AuditEntry { At = new DateTime(2026, 12, 1, 23, 30, 0, DateTimeKind.Utc), Actor = "a", Action = "Modified", Entity = "Pcn", EntityKey = "3", Before = """{"Name":"A"}""", After = """{"Name":"B"}""" };

        var july = AuditWording.Describe(summer, Names, TypeOf);
        var december = AuditWording.Describe(winter, Names, TypeOf);

        Assert.Equal(new DateTime(2026, 7, 2, 0, 30, 0), july.AtUk.DateTime); // BST: the next day in the UK
        Assert.Equal(new DateTime(2026, 12, 1, 23, 30, 0), december.AtUk.DateTime); // GMT
        Assert.Equal("""{"Name":"A"}""", july.RawBefore);
        Assert.Equal(new AuditFieldChange("Name", "A", "B"), Assert.Single(july.Fields));
    }

    [Fact]
    public void Describe_WordsFieldValuesByType_AndNamesIds()
    {
        var entry = new AuditEntry
        {
            At = DateTime.UtcNow,
            Actor = "a",
            Action = "Modified",
            Entity = "PcnChangeRequest",
            EntityKey = "9",
            Before = """{"Status":1,"DecidedAt":null,"PcnId":3}""",
            After = """{"Status":2,"DecidedAt":"2026-07-01T08:00:00.0000000Z","PcnId":3}""",
        };

        var fields = AuditWording.Describe(entry, Names, TypeOf).Fields.ToDictionary(f => f.Field);

        Assert.Equal("Approved", fields["Status"].After);
        Assert.Equal("1 July 2026 09:00", fields["Decided at"].After); // 08:00 UTC is 09:00 BST
        Assert.Equal("Harbourside and Docks PCN (U90001)", fields["PCN"].After);
    }

    [Theory]
    [InlineData("PcnChangeRequest", "PCN change request")]
    [InlineData("ArrsClaimLine", "ARRS claim line")]
    [InlineData("WteClaimed", "WTE claimed")]
    [InlineData("OdEoiLine", "OD EOI line")]
    [InlineData("Account", "Account")]
    public void Words_SplitsNamesAndKeepsAcronyms(string name, string expected) => Assert.Equal(expected, AuditWording.Words(name));
}
