using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Features.OdFunds;

namespace PcnPortal.TestSupport;

/// <summary>OD fund builders.</summary>
public sealed partial class TestData
{
    /// <summary>
    /// An OD fund for 2021/22: £720,000 from two sources, 10% ring-fenced, shared per capita at the rate on registered patients at 1 October 2021.
    /// With <paramref name="open"/> its shares are computed and approved by the allocation service and it is opened for EOIs, as finance does
    /// on the fund page; otherwise it stays a draft. Returns its id.
    /// </summary>
    public async Task<int> CreateFundAsync(decimal rate = 0.66m, int quorum = 3, DateOnly? eoiDeadline = null, bool open = true, string? name = null)
    {
        var fundId = await WithDbAsync(async db =>
        {
            var fund = new OdFundRecord
            {
                StartYear = 2021,
                Name = name ?? $"Test fund {Next()}",
                Total = 720_000m,
                Sources = [new() { Name = "NHS England PCN development", Amount = 360_000m }, new() { Name = "CCG top-up", Amount = 360_000m }],
                CdRingFencePercent = 10m,
                HeldBack = 0m,
                Method = OdAllocationMethod.PerCapita,
                RatePerPatient = rate,
                Basis = PopulationBasis.Registered,
                PopulationDate = new DateOnly(2021, 10, 1),
                EoiDeadline = eoiDeadline ?? new DateOnly(2099, 3, 31),
                Quorum = quorum,
            };
            db.OdFunds.Add(fund);
            await db.SaveChangesAsync();
            return fund.Id;
        });
        if (!open)
        {
            return fundId;
        }

        var computed = await WithServiceAsync<OdAllocationService, OdAllocationService.ComputeResult>(a => a.ComputeAsync(fundId, CancellationToken.None));
        if (!computed.Saved)
        {
            throw new InvalidOperationException("The fund's shares could not be computed: " + computed.Outcome.Explanation);
        }

        // The person who computes an allocation cannot approve it: the shares were computed by a finance colleague.
        await WithDbAsync(async db =>
        {
            var version = await db.OdAllocationVersions.SingleAsync(v => v.FundId == fundId && v.Number == computed.VersionNumber);
            version.ComputedBy = "finance-colleague@test";
            return await db.SaveChangesAsync();
        });
        var refused = await WithServiceAsync<OdAllocationService, string?>(a => a.ApproveAsync(fundId, computed.VersionNumber!.Value, CancellationToken.None));
        if (refused is not null)
        {
            throw new InvalidOperationException("The fund's shares could not be approved: " + refused);
        }

        await WithDbAsync(async db =>
        {
            var fund = await db.OdFunds.SingleAsync(f => f.Id == fundId);
            fund.Status = OdFundStatus.Open;
            return await db.SaveChangesAsync();
        });
        return fundId;
    }

    /// <summary>An EOI from the PCN, submitted and confirmed by its clinical director: one line of facilitated workshops (Leadership, planning and partnerships); returns its id.</summary>
    public Task<int> CreateEoiAsync(int fundId, string pcnCode, decimal amount = 12_000m, EoiStatus status = EoiStatus.Submitted) =>
        WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var eoi = new OdEoi
            {
                FundId = fundId,
                PcnCode = pcnCode,
                Status = status,
                ConfirmedNotFundedElsewhere = true,
                ClinicalDirectorConfirmed = true,
                ClinicalDirectorConfirmedBy = "Test ClinicalDirector",
                ClinicalDirectorConfirmedAtUtc = now,
                SubmittedAtUtc = status == EoiStatus.Draft ? null : now,
                SubmittedBy = status == EoiStatus.Draft ? null : "Test ClinicalDirector",
                Lines = [new() { LineNumber = 1, SupportRequested = "Facilitated workshops on PCN priorities", Deliverable = "Agreed PCN development plan", Amount = amount, DomainCodes = "LPP" }],
            };
            db.OdEois.Add(eoi);
            await db.SaveChangesAsync();
            return eoi.Id;
        });

    /// <summary>Puts the user on the fund's decision panel.</summary>
    public Task AddPanelMemberAsync(int fundId, TestUser user, string name, string panelRole = "Area director") =>
        WithDbAsync(db =>
        {
            db.OdPanelMembers.Add(new OdPanelMember { FundId = fundId, UserId = user.Id, Name = name, PanelRole = panelRole });
            return db.SaveChangesAsync();
        });

    /// <summary>Records the user's declared interest in the organisation (from 1 January 2019, open-ended).</summary>
    public Task DeclareInterestAsync(TestUser user, string name, string organisationCode, string nature = "GP partner at a member practice") =>
        WithDbAsync(db =>
        {
            db.OdDeclaredInterests.Add(new OdDeclaredInterest { UserId = user.Id, PersonName = name, OrganisationCode = organisationCode, Nature = nature, From = new DateOnly(2019, 1, 1) });
            return db.SaveChangesAsync();
        });
}
