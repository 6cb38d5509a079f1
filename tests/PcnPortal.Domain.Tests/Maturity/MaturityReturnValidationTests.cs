using PcnPortal.Domain.Common;
using PcnPortal.Domain.Maturity;

namespace PcnPortal.Domain.Tests.Maturity;

public class MaturityReturnValidationTests
{
    [Fact]
    public void Limits_AreDocumentedValues()
    {
        Assert.Equal(1000, MaturityTextLimits.Evidence);
        Assert.Equal(500, MaturityTextLimits.WhatWorkedWell);
        Assert.Equal(500, MaturityTextLimits.Continue);
        Assert.Equal(500, MaturityTextLimits.SupportNeeded);
    }

    [Theory]
    [InlineData(0, RuleSeverity.Pass)]
    [InlineData(1000, RuleSeverity.Pass)]
    [InlineData(1001, RuleSeverity.Fail)]
    public void CheckLength_AtAndOverLimit(int length, RuleSeverity expected)
    {
        var outcome = MaturityReturnValidation.CheckLength("Evidence", new string('a', length), MaturityTextLimits.Evidence);
        Assert.Equal("MAT-TEXT-LENGTH", outcome.Code);
        Assert.Equal(expected, outcome.Severity);
        Assert.Equal(length.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Figures["Length"]);
    }

    [Fact]
    public void CheckLength_CrLfCountsAsOne()
    {
        var text = new string('a', 498) + "\r\n" + "b"; // 500 as the user sees it
        Assert.Equal(RuleSeverity.Pass, MaturityReturnValidation.CheckLength("Support needed", text, MaturityTextLimits.SupportNeeded).Severity);
        var over = MaturityReturnValidation.CheckLength("Support needed", text + "c", MaturityTextLimits.SupportNeeded);
        Assert.Equal(RuleSeverity.Fail, over.Severity);
        Assert.Contains("1 too long", over.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckLength_Null_IsEmpty() =>
        Assert.Equal(RuleSeverity.Pass, MaturityReturnValidation.CheckLength("Continue", null, MaturityTextLimits.Continue).Severity);

    [Fact]
    public void CanSubmit_AllPositioned_OrNotAssessedWithReason()
    {
        var positions = MaturityDomains.All
            .Select(d => d == MaturityDomain.ManagingResources
                ? new DomainPosition(d, MaturityPosition.NotAssessed, "Reviewed at the meeting instead")
                : new DomainPosition(d, MaturityPosition.Step1))
            .ToList();

        var check = MaturityReturnValidation.CanSubmit(positions);

        Assert.True(check.CanSubmit);
        Assert.Equal(RuleSeverity.Pass, MaturityReturnValidation.CheckSubmit(positions).Severity);
    }

    [Fact]
    public void CanSubmit_ListsMissingAndUnreasonedDomains()
    {
        var positions = new[]
        {
            new DomainPosition(MaturityDomain.LeadershipPlanningAndPartnerships, MaturityPosition.Step1),
            new DomainPosition(MaturityDomain.IntegratingCare, MaturityPosition.NotAssessed),
            new DomainPosition(MaturityDomain.ManagingResources, MaturityPosition.Foundation),
        };

        var check = MaturityReturnValidation.CanSubmit(positions);

        Assert.False(check.CanSubmit);
        Assert.Equal([MaturityDomain.DataAndPopulationHealthManagement, MaturityDomain.WorkingWithPeopleAndCommunities], check.MissingDomains);
        Assert.Equal([MaturityDomain.IntegratingCare], check.NotAssessedWithoutReason);
        Assert.Equal(
            [MaturityDomain.DataAndPopulationHealthManagement, MaturityDomain.IntegratingCare, MaturityDomain.WorkingWithPeopleAndCommunities],
            check.Incomplete);

        var outcome = MaturityReturnValidation.CheckSubmit(positions);
        Assert.Equal(RuleSeverity.Fail, outcome.Severity);
        Assert.Equal("MAT-SUBMIT-COMPLETE", outcome.Code);
        Assert.Equal("PHM,PPC", outcome.Figures["Missing"]);
        Assert.Contains("Give a reason for not assessing Integrating care", outcome.Explanation, StringComparison.Ordinal);
    }
}
