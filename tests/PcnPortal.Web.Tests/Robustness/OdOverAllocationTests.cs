using System.Net;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>
/// Issue 15, item 1: the OD panel cannot approve more than the EOI asked for, more than the PCN's remaining share, or anything that
/// takes the fund past its distributable amount; finance cannot pay a payment that breaks those limits either.
/// </summary>
public sealed class OdOverAllocationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed record Setup(int FundId, string PcnCode, int EoiId, TestUser Member, TestUser Colleague);

    /// <summary>A fund (total, 10% ring-fence, held back) with an approved allocation giving the PCN <paramref name="share"/>, a submitted EOI, a panel of two (quorum 2).</summary>
    private async Task<Setup> FundWithEoiAsync(decimal share, decimal requested, decimal total = 720_000m, decimal heldBack = 0m)
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var member = await factory.Data.CreateUserAsync(PortalRoles.PanelMember);
        var colleague = await factory.Data.CreateUserAsync(PortalRoles.PanelMember);
        var (fundId, eoiId) = await factory.WithDbAsync(async db =>
        {
            var fund = new OdFundRecord
            {
                Name = $"Over-allocation fund {TestData.Next()}",
                StartYear = 2021,
                Total = total,
                HeldBack = heldBack,
                HeldBackPurpose = heldBack > 0 ? "System-wide programmes" : null,
                RatePerPatient = 0.66m,
                PopulationDate = new DateOnly(2021, 10, 1),
                EoiDeadline = new DateOnly(2099, 3, 31),
                Quorum = 2,
                Status = OdFundStatus.Open,
                Sources = [new OdFundSourceRecord { Name = "NHS England PCN development", Amount = total }],
            };
            fund.Allocations.Add(new OdAllocationVersion
            {
                Number = 1,
                Status = OdAllocationStatus.Approved,
                Method = OdAllocationMethod.PerCapita,
                Basis = PopulationBasis.Registered,
                RatePerPatient = 0.66m,
                PopulationDate = fund.PopulationDate,
                Distributable = fund.ToDomain().Distributable,
                TotalAllocated = share,
                OutcomeCode = "OD-ALLOCATION",
                OutcomeMessage = "Test allocation",
                ComputedBy = "test",
                Shares = [new OdAllocationShare { PcnCode = pcn.Code, PcnName = pcn.Name, Population = 40_000, Amount = share, Working = "test share" }],
            });
            fund.PanelMembers.Add(new OdPanelMember { UserId = member.Id, Name = "Member A", PanelRole = "Area director" });
            fund.PanelMembers.Add(new OdPanelMember { UserId = colleague.Id, Name = "Member B", PanelRole = "Head of locality" });
            db.OdFunds.Add(fund);
            await db.SaveChangesAsync();
            var eoi = new OdEoi
            {
                FundId = fund.Id,
                PcnCode = pcn.Code,
                Status = EoiStatus.Submitted,
                ConfirmedNotFundedElsewhere = true,
                ClinicalDirectorConfirmed = true,
                SubmittedAtUtc = DateTime.UtcNow,
                Lines = [new OdEoiLine { LineNumber = 1, SupportRequested = "Workshops", Deliverable = "A development plan", Amount = requested, DomainCodes = "LPP" }],
            };
            db.OdEois.Add(eoi);
            await db.SaveChangesAsync();
            return (fund.Id, eoi.Id);
        });
        return new Setup(fundId, pcn.Code, eoiId, member, colleague);
    }

    private Task<HttpResponseMessage> ApproveAsync(Setup s, string amount) =>
        factory.CreateClientFor(s.Member).SubmitFormAsync($"/od-funds/eois/{s.EoiId}/decision", new Dictionary<string, string>
        {
            ["Input.Voters"] = s.Colleague.Id,
            ["Input.Outcome"] = "Approved",
            ["Input.ApprovedAmount"] = amount,
        });

    private Task<HttpResponseMessage> ConfirmAsync(Setup s) =>
        factory.CreateClientFor(s.Colleague).SubmitFormAsync($"/od-funds/eois/{s.EoiId}/decision/confirm", new Dictionary<string, string> { ["Input.Command"] = "Confirm" });

    private async Task<(EoiStatus Status, int Payments)> StateAsync(Setup s) => await factory.WithDbAsync(async db =>
        (await db.OdEois.Where(e => e.Id == s.EoiId).Select(e => e.Status).SingleAsync(), await db.OdPayments.CountAsync(p => p.EoiId == s.EoiId)));

    /// <summary>Records an earlier approval against the PCN (another EOI of the same fund, approved and with its payment row).</summary>
    private async Task EarlierApprovalAsync(int fundId, string pcnCode, decimal amount, DateOnly? paid = null) => await factory.WithDbAsync(async db =>
    {
        var eoi = new OdEoi { FundId = fundId, PcnCode = pcnCode, Status = EoiStatus.Approved, Lines = [new OdEoiLine { LineNumber = 1, SupportRequested = "Earlier", Deliverable = "Earlier", Amount = amount, DomainCodes = "LPP" }] };
        eoi.Decisions.Add(new OdPanelDecisionRecord { DecisionDate = new DateOnly(2021, 11, 1), Outcome = PanelDecisionOutcome.Approved, ApprovedAmount = amount, VoterIds = "x", VoterNames = "x", Excluded = string.Empty, RecordedBy = "test" });
        db.OdEois.Add(eoi);
        await db.SaveChangesAsync();
        db.OdPayments.Add(new OdPayment { FundId = fundId, EoiId = eoi.Id, PcnCode = pcnCode, Amount = amount, PaidDate = paid });
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Decision_FiveMillionForAFifteenThousandRequest_IsRefusedAndNothingIsSaved()
    {
        var s = await FundWithEoiAsync(share: 28_366.14m, requested: 15_500m);

        var response = await ApproveAsync(s, "5000000.00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains(errors, e => e == "£5,000,000.00 is more than the £15,500.00 the PCN asked for.");
        Assert.Contains(errors, e => e == "£5,000,000.00 is more than the £28,366.14 left of the PCN's share of £28,366.14 (£0.00 already approved).");
        Assert.DoesNotContain(errors, e => e.Contains("OD-", StringComparison.Ordinal)); // plain words, no rule codes (issue #17)
        Assert.Equal((EoiStatus.Submitted, 0), await StateAsync(s));
    }

    [Fact]
    public async Task Decision_MoreThanThePcnsShare_IsRefused_TheShareIsApproved()
    {
        // An EOI over the PCN's share (submitted with a reason) can be approved only up to the share.
        var s = await FundWithEoiAsync(share: 10_000m, requested: 12_000m);

        var refused = await ApproveAsync(s, "12000.00");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains((await refused.ReadDocumentAsync()).ErrorSummary(), e => e.Contains("more than the £10,000.00 left of the PCN's share of £10,000.00", StringComparison.Ordinal));
        Assert.Equal((EoiStatus.Submitted, 0), await StateAsync(s));

        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(s, "10000.00")).StatusCode);
        Assert.Equal((EoiStatus.Submitted, 0), await StateAsync(s)); // waiting for the colleague to confirm their vote
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(s)).StatusCode);
        Assert.Equal((EoiStatus.Approved, 1), await StateAsync(s));
    }

    [Fact]
    public async Task Decision_PastTheFundsDistributableAmount_IsRefused()
    {
        // £100,000 less the 10% ring-fence and £70,000 held back leaves £20,000 to distribute; £19,000 is already approved elsewhere.
        var s = await FundWithEoiAsync(share: 30_000m, requested: 5_000m, total: 100_000m, heldBack: 70_000m);
        var other = await factory.Data.CreatePcnAsync();
        await EarlierApprovalAsync(s.FundId, other.Code, 19_000m);

        var refused = await ApproveAsync(s, "2000.00");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains((await refused.ReadDocumentAsync()).ErrorSummary(), e => e == "£2,000.00 would take the fund past its distributable amount of £20,000.00: £1,000.00 is left.");
        Assert.Equal((EoiStatus.Submitted, 0), await StateAsync(s));
    }

    [Fact]
    public async Task Payment_ThatWouldOverAllocate_IsRefusedAtPaymentTime()
    {
        // A payment row made before the limits existed (or written outside the portal): £5,000,000 against a £15,500 request.
        var s = await FundWithEoiAsync(share: 28_366.14m, requested: 15_500m);
        var paymentId = await factory.WithDbAsync(async db =>
        {
            var eoi = await db.OdEois.SingleAsync(e => e.Id == s.EoiId);
            eoi.Status = EoiStatus.Approved;
            eoi.Decisions.Add(new OdPanelDecisionRecord { DecisionDate = new DateOnly(2021, 11, 1), Outcome = PanelDecisionOutcome.Approved, ApprovedAmount = 5_000_000m, VoterIds = "x", VoterNames = "x", Excluded = string.Empty, RecordedBy = "test" });
            var payment = new OdPayment { FundId = s.FundId, EoiId = s.EoiId, PcnCode = s.PcnCode, Amount = 5_000_000m };
            db.OdPayments.Add(payment);
            await db.SaveChangesAsync();
            return payment.Id;
        });
        var finance = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));

        var response = await finance.SubmitFormAsync($"/od-funds/payments/{paymentId}", new Dictionary<string, string> { ["PaidDate"] = "2022-01-15" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains(errors, e => e.Contains("left of", StringComparison.Ordinal) && e.Contains(Money.Format(28_366.14m), StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(Money.Format(15_500m), StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("OD-", StringComparison.Ordinal)); // plain words, no rule codes (issue #17)
        Assert.Null(await factory.WithDbAsync(db => db.OdPayments.Where(p => p.Id == paymentId).Select(p => p.PaidDate).SingleAsync()));
    }
}
