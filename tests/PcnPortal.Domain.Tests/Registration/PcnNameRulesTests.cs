using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;

namespace PcnPortal.Domain.Tests.Registration;

public class PcnNameRulesTests
{
    [Theory]
    [InlineData("Durham Dales (1) PCN", RuleSeverity.Pass)]
    [InlineData("NEWCASTLE NORTH PCN", RuleSeverity.Pass)]
    [InlineData("  Phoenix PCN  ", RuleSeverity.Pass)]
    [InlineData("Bath & North East PCN", RuleSeverity.Pass)]
    [InlineData("North PCN", RuleSeverity.Pass)]
    [InlineData("SARUM CATHEDRAL", RuleSeverity.Fail)]
    [InlineData("NEWCASTLE NORTH PCN LIMITED", RuleSeverity.Fail)]
    [InlineData("Phoenix pcn", RuleSeverity.Fail)]
    [InlineData("Phoenix Pcn", RuleSeverity.Fail)]
    [InlineData("PCN1", RuleSeverity.Fail)]
    [InlineData("PhoenixPCN", RuleSeverity.Fail)]
    [InlineData("Phoenix Primary Care Network", RuleSeverity.Fail)]
    [InlineData("", RuleSeverity.Fail)]
    [InlineData(null, RuleSeverity.Fail)]
    public void Suffix(string? name, RuleSeverity expected)
    {
        var outcome = PcnNameRules.CheckSuffix(name);

        Assert.Equal(RegistrationRuleCodes.NameSuffix, outcome.Code);
        Assert.Equal(expected, outcome.Severity);
    }

    [Theory]
    [InlineData("SARUM CATHEDRAL", "does not end with \"PCN\"")]
    [InlineData("NEWCASTLE NORTH PCN LIMITED", "\"PCN\" followed by \"LIMITED\"")]
    [InlineData("Phoenix pcn", "write the suffix in capitals")]
    public void Suffix_ExplanationSaysWhatIsWrong(string name, string expectedFragment)
    {
        var outcome = PcnNameRules.CheckSuffix(name);

        Assert.Contains(expectedFragment, outcome.Explanation);
        Assert.Contains(name, outcome.Explanation);
    }

    [Theory]
    [InlineData(39, 40, RuleSeverity.Pass)]
    [InlineData(40, 40, RuleSeverity.Pass)]
    [InlineData(41, 40, RuleSeverity.Warn)]
    [InlineData(41, 100, RuleSeverity.Pass)]
    [InlineData(101, 100, RuleSeverity.Warn)]
    public void Length_EdgesAndConfigurableLimit(int length, int limit, RuleSeverity expected)
    {
        var name = new string('A', length - 4) + " PCN";

        var outcome = PcnNameRules.CheckLength(name, limit);

        Assert.Equal(RegistrationRuleCodes.NameLength, outcome.Code);
        Assert.Equal(expected, outcome.Severity);
        Assert.Equal(length.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Figures["length"]);
        Assert.Contains($"{length} characters", outcome.Explanation);
    }

    [Fact]
    public void Length_LimitComesFromOptions()
    {
        var name = new string('A', 46) + " PCN";

        var strict = PcnNameRules.CheckAll(name).Single(o => o.Code == RegistrationRuleCodes.NameLength);
        var relaxed = PcnNameRules.CheckAll(name, new RegistrationOptions { NameMaxLength = 100 }).Single(o => o.Code == RegistrationRuleCodes.NameLength);

        Assert.Equal(RuleSeverity.Warn, strict.Severity);
        Assert.Contains("10 over the limit of 40", strict.Explanation);
        Assert.Equal(RuleSeverity.Pass, relaxed.Severity);
    }

    [Theory]
    [InlineData("North PCN", RuleSeverity.Warn)]
    [InlineData("NORTH EAST PCN", RuleSeverity.Warn)]
    [InlineData("PCN1", RuleSeverity.Warn)]
    [InlineData("PCN 1", RuleSeverity.Warn)]
    [InlineData("1 PCN", RuleSeverity.Warn)]
    [InlineData("Central (2) PCN", RuleSeverity.Warn)]
    [InlineData("PCN", RuleSeverity.Warn)]
    [InlineData("Durham Dales (1) PCN", RuleSeverity.Pass)]
    [InlineData("Barking & Dagenham North PCN", RuleSeverity.Pass)]
    [InlineData("NEWCASTLE NORTH PCN", RuleSeverity.Pass)]
    [InlineData("Bath & North East PCN", RuleSeverity.Pass)]
    [InlineData("SARUM CATHEDRAL", RuleSeverity.Pass)]
    public void Generic(string name, RuleSeverity expected)
    {
        var outcome = PcnNameRules.CheckGeneric(name);

        Assert.Equal(RegistrationRuleCodes.NameGeneric, outcome.Code);
        Assert.Equal(expected, outcome.Severity);
    }

    [Theory]
    [InlineData("Bath & North East PCN", RuleSeverity.Warn)]
    [InlineData("Bath and North East PCN", RuleSeverity.Pass)]
    [InlineData("Bath&North East PCN", RuleSeverity.Warn)]
    // 40 characters with "&"; 42 with "and": the ampersand is allowed to keep within 40.
    [InlineData("Bathampton & Batheaston Riverside Av PCN", RuleSeverity.Pass)]
    public void Ampersand(string name, RuleSeverity expected)
    {
        var outcome = PcnNameRules.CheckAmpersand(name, 40);

        Assert.Equal(RegistrationRuleCodes.NameAmpersand, outcome.Code);
        Assert.Equal(expected, outcome.Severity);
    }

    [Fact]
    public void Ampersand_SuggestsTheNameWithAnd()
    {
        var outcome = PcnNameRules.CheckAmpersand("Bath & North East PCN");

        Assert.Contains("\"Bath and North East PCN\"", outcome.Explanation);
    }

    [Fact]
    public void CheckAll_ReturnsEachNameRuleOnceInOrder()
    {
        var outcomes = PcnNameRules.CheckAll("Bath & North East PCN");

        Assert.Equal(
            [RegistrationRuleCodes.NameSuffix, RegistrationRuleCodes.NameLength, RegistrationRuleCodes.NameGeneric, RegistrationRuleCodes.NameAmpersand],
            outcomes.Select(o => o.Code));
    }
}
