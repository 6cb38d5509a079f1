using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Features.Papers;

namespace PcnPortal.Web.Tests.Infrastructure.DemoData;

/// <summary>The start-up warm-up draws the latest draft paper from live data and writes nothing.</summary>
public sealed partial class DemoPaperPdfTests
{
    [Fact]
    public async Task WarmUp_DrawsTheLatestDraftPaper_AndWritesNothing()
    {
        async Task<(int Audit, int Messages, int Versions, string PaperStamps)> StateAsync() => await factory.WithDbAsync(async db => (
            await db.AuditEntries.CountAsync(),
            await db.NotificationMessages.CountAsync(),
            await db.FinalisedPaperVersions.CountAsync(),
            string.Join(",", await db.CommitteePapers.OrderBy(p => p.Id).Select(p => p.Id + ":" + p.Version + ":" + p.Status).ToListAsync())));
        var latestDraft = await factory.WithDbAsync(db => db.CommitteePapers.Where(p => p.Status != PaperStatus.Finalised).MaxAsync(p => p.Id));
        var before = await StateAsync();

        var result = await factory.Services.GetRequiredService<PaperWarmUp>().RunAsync(CancellationToken.None);

        Assert.Equal(latestDraft, result.PaperId);
        Assert.True(result.Bytes > 10_000, $"The warm-up painted {result.Bytes} bytes.");
        Assert.Equal(before, await StateAsync());
    }
}
