using PcnPortal.Domain.Papers;

namespace PcnPortal.TestSupport;

public sealed record TestPaper(int MeetingId, int PaperId);

/// <summary>Committee paper builders.</summary>
public sealed partial class TestData
{
    /// <summary>
    /// A draft paper (agenda item 7) for a Primary Care Commissioning Committee meeting on 24 November 2026.
    /// <paramref name="complete"/> fills every cover-sheet field (with a bullet each); <paramref name="withContent"/> adds a text section with
    /// markup, the register and DES funding data sections, a risk table section and one risk.
    /// </summary>
    public Task<TestPaper> CreatePaperAsync(
        string title = "PCN update",
        bool complete = false,
        bool withContent = false,
        bool partTwo = false,
        PaperPurpose purpose = PaperPurpose.Decision,
        string agendaNumber = "7") =>
        WithDbAsync(async db =>
        {
            var meeting = new CommitteeMeeting { CommitteeName = "Primary Care Commissioning Committee", Date = new DateOnly(2026, 11, 24), Time = "9.30am", Location = "Virtual" };
            var paper = new CommitteePaper { Meeting = meeting, AgendaNumber = agendaNumber, Title = title, Purpose = purpose, IsPartTwo = partTwo };
            if (complete)
            {
                foreach (var field in CoverSheet.Fields)
                {
                    typeof(CommitteePaper).GetProperty(field.Name)!.SetValue(paper, $"{field.Name} text {Next()}\n- bullet for {field.Name}");
                }
            }

            if (withContent)
            {
                paper.Sections.Add(new PaperSection { Position = 1, Kind = PaperSectionKind.Text, Title = "Background", Body = "Plain <b>not bold</b> text about the PCN.\n## Detail\n- first\n- second" });
                paper.Sections.Add(new PaperSection { Position = 2, Kind = PaperSectionKind.Data, Title = "Register", DataKey = "pcn-register", AsAt = new DateOnly(2026, 11, 1) });
                paper.Sections.Add(new PaperSection { Position = 3, Kind = PaperSectionKind.Data, Title = "Funding", DataKey = "des-funding", AsAt = new DateOnly(2031, 11, 1) });
                paper.Sections.Add(new PaperSection { Position = 4, Kind = PaperSectionKind.RiskTable, Title = "Risk implications" });
                paper.Risks.Add(new PaperRisk { Position = 1, Risk = "Recruitment risk", Mitigations = "- Tracker", CurrentLikelihood = 3, CurrentImpact = 4, TargetLikelihood = 2, TargetImpact = 4 });
            }

            db.CommitteePapers.Add(paper);
            await db.SaveChangesAsync();
            return new TestPaper(meeting.Id, paper.Id);
        });
}
