using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;

namespace PcnPortal.Domain.Tests.Registration;

public class OdsCodeRulesTests
{
    [Theory]
    [InlineData("U12345", true)]
    [InlineData("U00001", true)]
    [InlineData("u12345", false)]
    [InlineData("U1234", false)]
    [InlineData("U123456", false)]
    [InlineData("X12345", false)]
    [InlineData("U12A45", false)]
    [InlineData(" U12345", false)]
    [InlineData("U", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void PcnCode(string? code, bool valid)
    {
        var outcome = OdsCodeRules.CheckPcnCode(code);

        Assert.Equal(RegistrationRuleCodes.PcnCodeFormat, outcome.Code);
        Assert.Equal(valid ? RuleSeverity.Pass : RuleSeverity.Fail, outcome.Severity);
        Assert.Equal(valid, OdsCodeRules.IsPcnCode(code));
    }

    [Theory]
    [InlineData("A81001", true)]
    [InlineData("Y02345", true)]
    [InlineData("a81001", false)]
    [InlineData("A8100", false)]
    [InlineData("A810011", false)]
    [InlineData("AB1001", false)]
    [InlineData("181001", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void PracticeCode(string? code, bool valid)
    {
        var outcome = OdsCodeRules.CheckPracticeCode(code);

        Assert.Equal(RegistrationRuleCodes.PracticeCodeFormat, outcome.Code);
        Assert.Equal(valid ? RuleSeverity.Pass : RuleSeverity.Fail, outcome.Severity);
        Assert.Equal(valid, OdsCodeRules.IsPracticeCode(code));
    }

    [Fact]
    public void PracticeCodes_NamesEveryBadCode()
    {
        var outcome = OdsCodeRules.CheckPracticeCodes(["A81001", "a81002", "B1234"]);

        Assert.Equal(RuleSeverity.Fail, outcome.Severity);
        Assert.Contains("2 of 3", outcome.Explanation);
        Assert.Contains("'a81002'", outcome.Explanation);
        Assert.Contains("'B1234'", outcome.Explanation);
    }

    [Fact]
    public void LowerCaseCode_ExplanationAsksForCapitals()
    {
        Assert.Contains("capitals", OdsCodeRules.CheckPcnCode("u12345").Explanation);
    }
}
