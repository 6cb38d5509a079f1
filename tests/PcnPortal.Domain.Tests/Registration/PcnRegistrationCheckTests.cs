using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;

namespace PcnPortal.Domain.Tests.Registration;

public class PcnRegistrationCheckTests
{
    private static PcnSnapshot ValidPcn(params MemberPracticeSnapshot[] members) => new(
        "U12345",
        "Durham Dales (1) PCN",
        members.Length > 0 ? members : [new("A81001", 20_000), new("A81002", 20_000)],
        HasClinicalDirector: true,
        PayeeCode: "A81001");

    [Fact]
    public void ValidPcn_AllPassAndCanSave()
    {
        var result = PcnRegistrationCheck.Run(ValidPcn());

        Assert.All(result.Outcomes, o => Assert.Equal(RuleSeverity.Pass, o.Severity));
        Assert.True(result.CanSave);
        Assert.Equal(result.Outcomes.Count, result.Outcomes.Select(o => o.Code).Distinct().Count());
    }

    [Theory]
    [InlineData(29_999, RuleSeverity.Warn)]
    [InlineData(30_000, RuleSeverity.Pass)]
    [InlineData(50_000, RuleSeverity.Pass)]
    [InlineData(50_001, RuleSeverity.Warn)]
    public void PopulationRange_Band(int population, RuleSeverity expected)
    {
        var outcome = PcnRegistrationCheck.CheckPopulationRange(ValidPcn(new MemberPracticeSnapshot("A81001", population)));

        Assert.Equal(expected, outcome.Severity);
        Assert.Equal(population.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Figures["population"]);
    }

    [Fact]
    public void PopulationRange_ExplanationNamesFigures()
    {
        var outcome = PcnRegistrationCheck.CheckPopulationRange(ValidPcn(new MemberPracticeSnapshot("A81001", 12_345)));

        Assert.Contains("12,345", outcome.Explanation);
        Assert.Contains("17,655 below", outcome.Explanation);
        Assert.Contains("30,000–50,000", outcome.Explanation);
    }

    [Fact]
    public void PopulationRange_AgreedException_PassesShowingReason()
    {
        var pcn = ValidPcn(new MemberPracticeSnapshot("A81001", 12_345)) with
        {
            PopulationException = new PopulationException("Rural practice covering the Dales; agreed by PCCC", "PCCC", new DateOnly(2019, 5, 31)),
        };

        var outcome = PcnRegistrationCheck.CheckPopulationRange(pcn);

        Assert.Equal(RuleSeverity.Pass, outcome.Severity);
        Assert.Contains("Rural practice covering the Dales", outcome.Explanation);
        Assert.Contains("agreed exception by PCCC on 31 May 2019", outcome.Explanation);
    }

    [Fact]
    public void PopulationRange_BandIsConfigurable()
    {
        var options = new RegistrationOptions { PopulationMinimum = 10_000, PopulationMaximum = 100_000 };

        var outcome = PcnRegistrationCheck.CheckPopulationRange(ValidPcn(new MemberPracticeSnapshot("A81001", 12_345)), options);

        Assert.Equal(RuleSeverity.Pass, outcome.Severity);
    }

    [Fact]
    public void PopulationRange_MissingListSize_Warns()
    {
        var outcome = PcnRegistrationCheck.CheckPopulationRange(ValidPcn(new("A81001", 40_000), new("A81002")));

        Assert.Equal(RuleSeverity.Warn, outcome.Severity);
        Assert.Contains("no registered list size for A81002", outcome.Explanation);
    }

    [Theory]
    // payee, recorded provider, expected
    [InlineData("A81001", null, RuleSeverity.Pass)]
    [InlineData(null, null, RuleSeverity.Warn)]
    [InlineData("  ", null, RuleSeverity.Warn)]
    [InlineData("B99999", null, RuleSeverity.Fail)]
    [InlineData("RXX01", "RXX01", RuleSeverity.Pass)]
    public void Payee(string? payee, string? provider, RuleSeverity expected)
    {
        var pcn = ValidPcn() with { PayeeCode = payee, RecordedProviderCodes = provider is null ? [] : [provider] };

        var outcome = PcnRegistrationCheck.CheckPayee(pcn);

        Assert.Equal(RegistrationRuleCodes.NoPayee, outcome.Code);
        Assert.Equal(expected, outcome.Severity);
    }

    [Fact]
    public void NoMembers_FailsAndBlocksSaving()
    {
        var pcn = ValidPcn() with { Members = [], PayeeCode = null };

        var result = PcnRegistrationCheck.Run(pcn);

        Assert.Equal(RuleSeverity.Fail, result[RegistrationRuleCodes.NoMembers].Severity);
        Assert.False(result.CanSave);
    }

    [Fact]
    public void NoClinicalDirector_WarnsButCanSave()
    {
        var result = PcnRegistrationCheck.Run(ValidPcn() with { HasClinicalDirector = false });

        Assert.Equal(RuleSeverity.Warn, result[RegistrationRuleCodes.NoClinicalDirector].Severity);
        Assert.True(result.CanSave);
    }

    [Theory]
    [InlineData("SARUM CATHEDRAL", RegistrationRuleCodes.NameSuffix, false)]
    [InlineData("North PCN", RegistrationRuleCodes.NameGeneric, true)]
    [InlineData("Bath & North East PCN", RegistrationRuleCodes.NameAmpersand, true)]
    [InlineData("A Very Long Name For A Primary Care Net PCN", RegistrationRuleCodes.NameLength, true)]
    public void NameProblems_ErrorsBlockWarningsDoNot(string name, string code, bool canSave)
    {
        var result = PcnRegistrationCheck.Run(ValidPcn() with { Name = name });

        Assert.NotEqual(RuleSeverity.Pass, result[code].Severity);
        Assert.Equal(canSave, result.CanSave);
    }

    [Fact]
    public void BadCodes_Fail()
    {
        var result = PcnRegistrationCheck.Run(ValidPcn(new MemberPracticeSnapshot("a81001", 40_000)) with { Code = "U1234", PayeeCode = "a81001" });

        Assert.Equal(RuleSeverity.Fail, result[RegistrationRuleCodes.PcnCodeFormat].Severity);
        Assert.Equal(RuleSeverity.Fail, result[RegistrationRuleCodes.PracticeCodeFormat].Severity);
        Assert.False(result.CanSave);
    }
}
