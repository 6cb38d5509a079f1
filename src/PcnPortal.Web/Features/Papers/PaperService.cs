using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Pdf;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Features.Papers;

/// <summary>Who may see what: Part II papers only for secretaries and administrators.</summary>
public static class PaperAccess
{
    public static bool CanEdit(ICurrentUser user) => user.IsInRole(PortalRoles.Administrator) || user.IsInRole(PortalRoles.CommitteeSecretary);

    public static bool CanSee(ICurrentUser user, CommitteePaper paper) => !paper.IsPartTwo || CanEdit(user);

    public static IQueryable<CommitteePaper> Visible(IQueryable<CommitteePaper> papers, ICurrentUser user) =>
        CanEdit(user) ? papers : papers.Where(p => !p.IsPartTwo);
}

/// <param name="Unverified">Sections empty or drawing on unpublished figures, when finalising was refused for want of an acknowledgement.</param>
public sealed record FinaliseResult(bool Finalised, IReadOnlyList<CoverField> Missing, int Version, IReadOnlyList<string>? Unverified = null);

/// <summary>Produces and finalises papers. Every change to a finalised paper first turns it into the next draft version.</summary>
public sealed class PaperService(PortalDbContext db, PaperDocumentBuilder builder, IPdfRenderer renderer, TimeProvider clock)
{
    /// <summary>The PDF as it stands: a finalised paper's stored bytes, or a draft rendered from live data.</summary>
    public async Task<byte[]> PdfAsync(CommitteePaper paper, CancellationToken cancellationToken)
    {
        if (paper.Status == PaperStatus.Finalised)
        {
            var stored = await db.FinalisedPaperVersions.AsNoTracking()
                .Where(v => v.PaperId == paper.Id && v.VersionNumber == paper.PaperVersion).Select(v => v.Pdf).FirstOrDefaultAsync(cancellationToken);
            if (stored is not null)
            {
                return stored;
            }
        }

        var data = await builder.LiveDataAsync(paper, cancellationToken);
        return renderer.Render(builder.Build(paper, data, clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>The document the browser preview shows: from the finalised snapshot, or from live data for a draft.</summary>
    public async Task<PdfDocumentModel> DocumentAsync(CommitteePaper paper, CancellationToken cancellationToken)
    {
        if (paper.Status == PaperStatus.Finalised)
        {
            var stored = await db.FinalisedPaperVersions.AsNoTracking()
                .Where(v => v.PaperId == paper.Id && v.VersionNumber == paper.PaperVersion)
                .Select(v => new { v.SnapshotJson, v.FinalisedAtUtc }).FirstOrDefaultAsync(cancellationToken);
            if (stored is not null)
            {
                return builder.Build(paper, PaperData.FromJson(stored.SnapshotJson), stored.FinalisedAtUtc);
            }
        }

        return builder.Build(paper, await builder.LiveDataAsync(paper, cancellationToken), clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// Freezes the paper: checks the required cover fields, snapshots every data section and the glossary, renders the PDF
    /// and stores both with the version number, in one save.
    /// </summary>
    /// <remarks>
    /// Refused while a data section is empty or draws on figures that are not published, unless
    /// <paramref name="acknowledgeUnverified"/>: then the paper prints what was acknowledged.
    /// </remarks>
    public async Task<FinaliseResult> FinaliseAsync(CommitteePaper paper, string finalisedBy, CancellationToken cancellationToken, bool acknowledgeUnverified = false)
    {
        var missing = CoverSheet.Missing(paper);
        if (missing.Count > 0 || paper.Status == PaperStatus.Finalised)
        {
            return new FinaliseResult(false, missing, paper.PaperVersion);
        }

        var data = await builder.LiveDataAsync(paper, cancellationToken);
        var unverified = PaperDocumentBuilder.UnverifiedSections(paper, data);
        if (unverified.Count > 0)
        {
            if (!acknowledgeUnverified)
            {
                return new FinaliseResult(false, [], paper.PaperVersion, unverified);
            }

            data = data with { Acknowledged = unverified };
        }

        var now = clock.GetUtcNow().UtcDateTime;
        now = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        paper.Status = PaperStatus.Finalised;
        var pdf = renderer.Render(builder.Build(paper, data, now));
        db.FinalisedPaperVersions.Add(new FinalisedPaperVersion
        {
            PaperId = paper.Id,
            VersionNumber = paper.PaperVersion,
            FinalisedAtUtc = now,
            FinalisedBy = finalisedBy,
            Title = paper.Title,
            SnapshotJson = data.ToJson(),
            Pdf = pdf,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new FinaliseResult(true, [], paper.PaperVersion);
    }

    /// <summary>
    /// Changes a section's heading and text while the paper is a draft. A finalised version is frozen: the change is refused
    /// (key "") and nothing is saved; editing the cover sheet starts the next draft version, whose sections can then be edited.
    /// </summary>
    public async Task<FormResult> EditSectionAsync(CommitteePaper paper, int sectionId, string? title, string? body, CancellationToken cancellationToken)
    {
        var section = paper.Sections.FirstOrDefault(s => s.Id == sectionId)
            ?? throw new InvalidOperationException($"Section {sectionId} is not part of paper {paper.Id}.");
        if (paper.Status == PaperStatus.Finalised)
        {
            return FormResult.Fail("", FinalisedSectionMessage(paper));
        }

        var text = string.IsNullOrWhiteSpace(body) ? null : body.Trim();
        if (section.Kind == PaperSectionKind.Text && text is null)
        {
            return FormResult.Fail(nameof(PaperSection.Body), "Enter the section's text");
        }

        section.Title = (title ?? "").Trim();
        section.Body = text;
        await db.SaveChangesAsync(cancellationToken);
        return FormResult.Success;
    }

    /// <summary>Why a finalised paper's section cannot be changed, and how to go on.</summary>
    public static string FinalisedSectionMessage(CommitteePaper paper) =>
        $"Version {paper.PaperVersion} of this paper is finalised, so its sections cannot be changed. Edit the cover sheet to start draft version {paper.PaperVersion + 1}, then edit the section.";

    public async Task MoveSectionAsync(CommitteePaper paper, int sectionId, int direction, CancellationToken cancellationToken)
    {
        var ordered = paper.Sections.OrderBy(s => s.Position).ToList();
        var index = ordered.FindIndex(s => s.Id == sectionId);
        var target = index + direction;
        if (index < 0 || target < 0 || target >= ordered.Count)
        {
            return;
        }

        paper.BeginEdit();
        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        Renumber(ordered);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveSectionAsync(CommitteePaper paper, int sectionId, CancellationToken cancellationToken)
    {
        var section = paper.Sections.FirstOrDefault(s => s.Id == sectionId);
        if (section is null)
        {
            return;
        }

        paper.BeginEdit();
        db.PaperSections.Remove(section);
        Renumber([.. paper.Sections.Where(s => s.Id != sectionId).OrderBy(s => s.Position)]);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveRiskAsync(CommitteePaper paper, int riskId, CancellationToken cancellationToken)
    {
        var risk = paper.Risks.FirstOrDefault(r => r.Id == riskId);
        if (risk is null)
        {
            return;
        }

        paper.BeginEdit();
        db.PaperRisks.Remove(risk);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Renumber(List<PaperSection> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i + 1;
        }
    }
}
