using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Maturity;
using PcnPortal.Domain.Registration;

namespace PcnPortal.TestSupport;

public sealed record TestRound(int RoundId, Dictionary<string, int> Returns);

/// <summary>Maturity builders.</summary>
public sealed partial class TestData
{
    private static int _roundYear;

    /// <summary>
    /// A maturity round on the default matrix with a Not started return for each given PCN; returns the round id and the return ids by PCN code.
    /// Without a year, one from 2070 to 2100 that no other default round in this process has had (recently).
    /// </summary>
    public Task<TestRound> CreateMaturityRoundAsync(int? year = null, DateOnly? due = null, params Pcn[] pcns) =>
        WithDbAsync(async db =>
        {
            var matrix = await db.MatrixVersions.OrderBy(v => v.Id).FirstAsync();
            var round = new AssessmentRound
            {
                YearStart = year ?? 2070 + (Interlocked.Increment(ref _roundYear) % 31),
                DueDate = due ?? new DateOnly(2099, 12, 31),
                MatrixVersionId = matrix.Id,
                OpenedBy = "test",
                OpenedAt = DateTime.UtcNow,
            };
            foreach (var pcn in pcns)
            {
                round.Returns.Add(new MaturityReturn { PcnId = pcn.Id, Status = MaturityReturnStatus.NotStarted });
            }

            db.AssessmentRounds.Add(round);
            await db.SaveChangesAsync();
            return new TestRound(round.Id, round.Returns.ToDictionary(r => pcns.First(p => p.Id == r.PcnId).Code, r => r.Id));
        });

    /// <summary>A Not started maturity return for the PCN in a round of its own; returns the return id.</summary>
    public async Task<int> CreateMaturityReturnAsync(Pcn pcn, int? year = null, DateOnly? due = null) =>
        (await CreateMaturityRoundAsync(year, due, pcn)).Returns[pcn.Code];
}
