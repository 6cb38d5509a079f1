using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Maturity;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Features.Maturity;

/// <summary>What one domain's answer holds, as posted from the domain page.</summary>
public sealed class DomainAnswerInput
{
    public string? Position { get; set; }

    public string? NotAssessedReason { get; set; }

    public string? Evidence { get; set; }

    public string? WhatWorkedWell { get; set; }

    public string? ToContinue { get; set; }

    public string? SupportNeeded { get; set; }

    public int Version { get; set; }
}

/// <summary>The result of a change to a return: saved, refused with field errors, or refused because someone else changed it first.</summary>
public sealed record ReturnChangeResult(bool Saved, bool Conflict, IReadOnlyList<(string Key, string Message)> Errors, string? ChangedBy = null)
{
    public static ReturnChangeResult Ok() => new(true, false, []);

    public static ReturnChangeResult Invalid(IReadOnlyList<(string Key, string Message)> errors) => new(false, false, errors);

    public static ReturnChangeResult Stale(string? changedBy) => new(false, true, [], changedBy);
}

/// <summary>Reads, saves, submits and reviews maturity returns. Every method checks the user may see the return's PCN.</summary>
public sealed class MaturityReturnService(PortalDbContext db, ICurrentUser currentUser, PcnScope scope, TimeProvider clock)
{
    public DateOnly Today => clock.Today();

    /// <summary>The return with its round, PCN and answers, or null when it does not exist or the user may not see it.</summary>
    public async Task<MaturityReturn?> FindAsync(int id, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.MaturityReturns.Include(r => r.Round).Include(r => r.Pcn).Include(r => r.Answers).Where(r => r.Id == id);
        var found = await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken);
        return found is null || !scope.CanSee(found.Pcn!.Code) ? null : found;
    }

    /// <summary>PCN users (of the return's PCN) may change it until it is submitted; commissioners only read it.</summary>
    public bool CanEdit(MaturityReturn ret) =>
        scope.IsPcnUser && scope.CanSee(ret.Pcn!.Code) && ret.Status is MaturityReturnStatus.NotStarted or MaturityReturnStatus.InProgress;

    /// <summary>The same PCN's return in the latest earlier round, for comparison.</summary>
    public async Task<MaturityReturn?> PreviousAsync(MaturityReturn ret, CancellationToken cancellationToken) =>
        await db.MaturityReturns.AsNoTracking().Include(r => r.Round).Include(r => r.Answers)
            .Where(r => r.PcnId == ret.PcnId && r.Round!.YearStart < ret.Round!.YearStart
                && (r.Status == MaturityReturnStatus.Submitted || r.Status == MaturityReturnStatus.Reviewed))
            .OrderByDescending(r => r.Round!.YearStart)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<MatrixDescriptor>> DescriptorsAsync(int matrixVersionId, MaturityDomain domain, CancellationToken cancellationToken)
    {
        var list = await db.MatrixDescriptors.AsNoTracking().Where(d => d.MatrixVersionId == matrixVersionId).ToListAsync(cancellationToken);
        return [.. list.Where(d => d.Domain == domain).OrderBy(d => d.Step)];
    }

    /// <summary>Checks a domain answer: a position from the list, a reason when Not assessed, text within the limits.</summary>
    public static List<(string Key, string Message)> Validate(DomainAnswerInput input, string prefix = "Input")
    {
        var errors = new List<(string, string)>();
        if (!string.IsNullOrWhiteSpace(input.Position) && !MaturityPositions.TryParseCode(input.Position, out _))
        {
            errors.Add(($"{prefix}.Position", "Select a position from the list"));
        }

        if (MaturityPositions.TryParseCode(input.Position, out var p) && p == MaturityPosition.NotAssessed && string.IsNullOrWhiteSpace(input.NotAssessedReason))
        {
            errors.Add(($"{prefix}.NotAssessedReason", "Enter why this domain is not assessed"));
        }

        Check("NotAssessedReason", "Reason for not assessing", input.NotAssessedReason, MaturityTextLimits.NotAssessedReason);
        Check("Evidence", "Evidence", input.Evidence, MaturityTextLimits.Evidence);
        Check("WhatWorkedWell", "What has worked well", input.WhatWorkedWell, MaturityTextLimits.WhatWorkedWell);
        Check("ToContinue", "What you want to continue", input.ToContinue, MaturityTextLimits.Continue);
        Check("SupportNeeded", "Support needed", input.SupportNeeded, MaturityTextLimits.SupportNeeded);
        return errors;

        void Check(string field, string name, string? text, int limit)
        {
            var outcome = MaturityReturnValidation.CheckLength(name, text, limit);
            if (outcome.Severity != Domain.Common.RuleSeverity.Pass)
            {
                errors.Add(($"{prefix}.{field}", outcome.Explanation));
            }
        }
    }

    /// <summary>Saves one domain's answer as a draft. Refuses when the return changed since the form was loaded.</summary>
    public async Task<ReturnChangeResult> SaveDomainAsync(MaturityReturn ret, MaturityDomain domain, DomainAnswerInput input, CancellationToken cancellationToken)
    {
        if (!CanEdit(ret))
        {
            throw new InvalidOperationException("This return cannot be changed.");
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return ReturnChangeResult.Invalid(errors);
        }

        if (ret.Version != input.Version)
        {
            return ReturnChangeResult.Stale(ret.LastEditedBy);
        }

        var answer = ret.AnswerFor(domain);
        if (answer is null)
        {
            answer = new MaturityAnswer { Domain = domain };
            ret.Answers.Add(answer);
        }

        var position = MaturityPositions.TryParseCode(input.Position, out var p) ? p : (MaturityPosition?)null;
        answer.Position = position;
        answer.NotAssessedReason = position == MaturityPosition.NotAssessed ? Clean(input.NotAssessedReason) : null;
        answer.Evidence = Clean(input.Evidence);
        answer.WhatWorkedWell = Clean(input.WhatWorkedWell);
        answer.ToContinue = Clean(input.ToContinue);
        answer.SupportNeeded = Clean(input.SupportNeeded);
        Touch(ret);
        ret.Status = MaturityReturnStatus.InProgress;
        return await SaveAsync(ret, input.Version, cancellationToken);
    }

    /// <summary>Submits the return when every domain is positioned (or Not assessed with a reason).</summary>
    public async Task<ReturnChangeResult> SubmitAsync(MaturityReturn ret, int version, CancellationToken cancellationToken)
    {
        if (!CanEdit(ret))
        {
            throw new InvalidOperationException("This return cannot be changed.");
        }

        if (ret.Version != version)
        {
            return ReturnChangeResult.Stale(ret.LastEditedBy);
        }

        var check = MaturityReturnValidation.CanSubmit(ret.Answers.Select(a => a.ToDomainPosition()).OfType<DomainPosition>());
        if (!check.CanSubmit)
        {
            return ReturnChangeResult.Invalid([.. check.Incomplete.Select(d => ($"d{(int)d}-{d.Code()}",
                check.MissingDomains.Contains(d)
                    ? $"Choose a position for {d.DisplayName()}"
                    : $"Give a reason for not assessing {d.DisplayName()}"))]);
        }

        Touch(ret);
        ret.Status = MaturityReturnStatus.Submitted;
        ret.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        ret.SubmittedBy = currentUser.Name;
        ret.SubmittedOn = Today;
        return await SaveAsync(ret, version, cancellationToken);
    }

    /// <summary>Records the review meeting and marks the return Reviewed (commissioners only; the page's policy checks the role).</summary>
    public async Task<ReturnChangeResult> ReviewAsync(MaturityReturn ret, ReviewInput input, CancellationToken cancellationToken)
    {
        if (!ret.IsReceived)
        {
            return ReturnChangeResult.Invalid([("Input", "Only a submitted return can be reviewed")]);
        }

        if (ret.Version != input.Version)
        {
            return ReturnChangeResult.Stale(ret.LastEditedBy);
        }

        foreach (var domain in MaturityDomains.All)
        {
            var code = input.Agreed.GetValueOrDefault(domain.Code());
            var answer = ret.AnswerFor(domain);
            if (answer is null)
            {
                continue;
            }

            answer.AgreedPosition = MaturityPositions.TryParseCode(code, out var agreed) && agreed != answer.Position ? agreed : null;
        }

        ret.ReviewMeetingDate = input.MeetingDate;
        ret.ReviewAttendees = Clean(input.Attendees);
        ret.ReviewSummary = Clean(input.Summary);
        ret.ReviewActions = Clean(input.Actions);
        ret.ReviewedBy = currentUser.Name;
        ret.ReviewedAt = clock.GetUtcNow().UtcDateTime;
        ret.Status = MaturityReturnStatus.Reviewed;
        Touch(ret);
        return await SaveAsync(ret, input.Version, cancellationToken);
    }

    private void Touch(MaturityReturn ret)
    {
        ret.LastEditedAt = clock.GetUtcNow().UtcDateTime;
        ret.LastEditedBy = currentUser.Name;
    }

    private async Task<ReturnChangeResult> SaveAsync(MaturityReturn ret, int expectedVersion, CancellationToken cancellationToken)
    {
        // The database refuses the update if another save got in between loading and now.
        db.Entry(ret).Property(r => r.Version).OriginalValue = expectedVersion;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ReturnChangeResult.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            var latest = await db.MaturityReturns.AsNoTracking().Where(r => r.Id == ret.Id).Select(r => r.LastEditedBy).FirstOrDefaultAsync(cancellationToken);
            return ReturnChangeResult.Stale(latest);
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

public sealed class ReviewInput
{
    public DateOnly MeetingDate { get; set; }

    public string? Attendees { get; set; }

    public string? Summary { get; set; }

    public string? Actions { get; set; }

    /// <summary>Agreed position code per domain code; blank or equal to the self-assessment means no change.</summary>
    public Dictionary<string, string?> Agreed { get; set; } = [];

    public int Version { get; set; }
}
