using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Maturity;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Features.Notifications;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Configuration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Features.OdFunds;

/// <summary>The EOI form as typed: up to <see cref="MaxLines"/> lines; blank lines are ignored.</summary>
public sealed class EoiForm
{
    public const int MaxLines = 6;

    public List<EoiLineForm> Lines { get; set; } = [.. Enumerable.Range(0, MaxLines).Select(_ => new EoiLineForm())];

    public bool ConfirmedNotFundedElsewhere { get; set; }

    /// <summary>Only counts when the person posting is the PCN's clinical director.</summary>
    public bool ClinicalDirectorConfirmed { get; set; }

    public string? OverShareReason { get; set; }

    public int Version { get; set; }

    public sealed class EoiLineForm
    {
        public string? SupportRequested { get; set; }

        public string? Deliverable { get; set; }

        public string? Amount { get; set; }

        public List<string> Domains { get; set; } = [];

        public bool IsBlank => string.IsNullOrWhiteSpace(SupportRequested) && string.IsNullOrWhiteSpace(Deliverable) && string.IsNullOrWhiteSpace(Amount) && Domains.Count == 0;
    }

    public static EoiForm From(OdEoi eoi)
    {
        var form = new EoiForm
        {
            ConfirmedNotFundedElsewhere = eoi.ConfirmedNotFundedElsewhere,
            ClinicalDirectorConfirmed = eoi.ClinicalDirectorConfirmed,
            OverShareReason = eoi.OverShareReason,
            Version = eoi.Version,
        };
        var lines = eoi.Lines.OrderBy(l => l.LineNumber).ToList();
        for (var i = 0; i < lines.Count && i < MaxLines; i++)
        {
            form.Lines[i] = new EoiLineForm
            {
                SupportRequested = lines[i].SupportRequested,
                Deliverable = lines[i].Deliverable,
                Amount = FormValues.Input(lines[i].Amount),
                Domains = [.. lines[i].Domains.Select(d => d.Code())],
            };
        }

        return form;
    }
}

/// <summary>Sending the checked EOI: the version the PCN user checked.</summary>
public sealed class SendEoiForm
{
    public int Version { get; set; }
}

/// <summary>
/// Saves a PCN's EOI against an open fund, checks it is ready to send (the "Check your answers" page follows), and sends it to
/// the panel. All checks happen here, on the server.
/// </summary>
public sealed class EoiService(PortalDbContext db, OdAllocationService allocations, PortalOptions portal, ICurrentUser currentUser, TimeProvider clock, PortalNotices notices)
{
    public sealed record Context(OdFundRecord Fund, decimal? Share, OdEoi? Eoi, bool PcnOpen);

    public sealed record SaveResult(int? EoiId, IReadOnlyList<FormError> Errors, IReadOnlyList<RuleOutcome> Warnings, bool Conflict = false);

    public async Task<Context?> LoadAsync(int fundId, string pcnCode, CancellationToken cancellationToken)
    {
        var fund = await db.OdFunds.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fundId, cancellationToken);
        if (fund is null)
        {
            return null;
        }

        var share = await allocations.ApprovedShareAsync(fundId, pcnCode, cancellationToken);
        var eoi = await db.OdEois.Include(e => e.Lines).SingleOrDefaultAsync(e => e.FundId == fundId && e.PcnCode == pcnCode, cancellationToken);
        var today = clock.Today();
        var ccg = portal.CcgCodes;
        var pcnOpen = await db.Pcns.AnyAsync(
            p => p.Code == pcnCode && p.OpenDate <= today && (p.CloseDate == null || p.CloseDate >= today) && ccg.Contains(p.CcgCode),
            cancellationToken);
        return new Context(fund, share?.Amount, eoi, pcnOpen);
    }

    /// <summary>Why the PCN cannot change an EOI for this fund now, or null when it can.</summary>
    public static string? Blocked(Context context)
    {
        if (context.Fund.Status != OdFundStatus.Open)
        {
            return "This fund is not open to expressions of interest.";
        }

        if (!context.PcnOpen)
        {
            return "Only PCNs open in this CCG can submit an expression of interest.";
        }

        if (context.Share is null)
        {
            return "Your PCN has no share in the approved allocation of this fund.";
        }

        if (context.Eoi is { IsEditable: false } eoi)
        {
            return $"Your expression of interest is {OdEoi.Describe(eoi.Status).ToLowerInvariant()}; it can only be changed when the panel returns it.";
        }

        return null;
    }

    private sealed record Evaluation(List<FormError> Errors, List<OdEoiLine> Lines, IReadOnlyList<RuleOutcome> Outcomes, bool CdConfirmed, bool Unchanged);

    /// <summary>
    /// Every problem with the form at once, without saving: the typed values (amounts, lengths) and the EOI checks (lines, domains,
    /// the share, the confirmations when <paramref name="readyToSend"/>), each keyed to its field. The page shows them beside the
    /// validator's errors, in the order of the fields.
    /// </summary>
    public async Task<IReadOnlyList<FormError>> CheckAsync(int fundId, string pcnCode, EoiForm form, bool readyToSend, CancellationToken cancellationToken)
    {
        var context = await LoadAsync(fundId, pcnCode, cancellationToken);
        return context is null ? [] : Blocked(context) is { } blocked ? [new FormError("", blocked)] : Evaluate(context, pcnCode, form, readyToSend).Errors;
    }

    /// <summary>Warnings the panel will see (more than the share), for the check page.</summary>
    public static IReadOnlyList<RuleOutcome> Warnings(Context context) =>
        context.Eoi is { } eoi ? [.. EoiChecks.Check(eoi.ToDomain(), context.Share ?? 0m).Where(o => o.Severity == RuleSeverity.Warn)] : [];

    /// <summary>
    /// Saves the EOI as typed. With <paramref name="readyToSend"/> every check for sending must pass first (the PCN then checks its
    /// answers and sends); otherwise it is a draft, which may be incomplete. Saving never sends.
    /// </summary>
    public async Task<SaveResult> SaveAsync(int fundId, string pcnCode, EoiForm form, bool readyToSend, CancellationToken cancellationToken)
    {
        var context = await LoadAsync(fundId, pcnCode, cancellationToken) ?? throw new InvalidOperationException("No such fund.");
        if (Blocked(context) is { } blocked)
        {
            return new SaveResult(null, [new FormError("", blocked)], []);
        }

        var (errors, lines, outcomes, cdConfirmed, unchanged) = Evaluate(context, pcnCode, form, readyToSend);
        if (errors.Count > 0)
        {
            return new SaveResult(null, errors, []);
        }

        var existing = context.Eoi;
        var eoi = existing;
        if (eoi is null)
        {
            eoi = new OdEoi { FundId = fundId, PcnCode = pcnCode };
            db.OdEois.Add(eoi);
        }
        else
        {
            db.Entry(eoi).Property(e => e.Version).OriginalValue = form.Version;
            db.OdEoiLines.RemoveRange(eoi.Lines);
            eoi.Lines.Clear();
        }

        eoi.Lines.AddRange(lines);
        eoi.ConfirmedNotFundedElsewhere = form.ConfirmedNotFundedElsewhere;
        eoi.OverShareReason = string.IsNullOrWhiteSpace(form.OverShareReason) ? null : form.OverShareReason.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        if (cdConfirmed && !(existing?.ClinicalDirectorConfirmed == true && unchanged))
        {
            eoi.ClinicalDirectorConfirmedBy = currentUser.Name;
            eoi.ClinicalDirectorConfirmedAtUtc = now;
        }
        else if (!cdConfirmed)
        {
            eoi.ClinicalDirectorConfirmedBy = null;
            eoi.ClinicalDirectorConfirmedAtUtc = null;
        }

        eoi.ClinicalDirectorConfirmed = cdConfirmed;
        return await SaveChangesAsync(eoi, existing is null, fundId, pcnCode, outcomes, cancellationToken);
    }

    /// <summary>
    /// Sends the saved EOI to the panel, as the PCN checked it (<paramref name="version"/>): every check for sending runs again on
    /// what is stored, so nothing changed since the check page is sent unseen.
    /// </summary>
    public async Task<SaveResult> SendAsync(int fundId, string pcnCode, int version, CancellationToken cancellationToken)
    {
        var context = await LoadAsync(fundId, pcnCode, cancellationToken) ?? throw new InvalidOperationException("No such fund.");
        if (Blocked(context) is { } blocked)
        {
            return new SaveResult(null, [new FormError("", blocked)], []);
        }

        if (context.Eoi is not { } eoi)
        {
            return new SaveResult(null, [new FormError("", "There is no expression of interest to send yet.")], []);
        }

        if (eoi.Version != version)
        {
            return new SaveResult(null, [new FormError("", "This expression of interest was changed after you opened this page. Check the answers shown now, then send it.")], [], Conflict: true);
        }

        var evaluation = Evaluate(context, pcnCode, EoiForm.From(eoi), readyToSend: true);
        if (evaluation.Errors.Count > 0)
        {
            return new SaveResult(null, [.. evaluation.Errors.Select(e => new FormError("", e.Message + " Change it on the form, then check and send again."))], []);
        }

        db.Entry(eoi).Property(e => e.Version).OriginalValue = version;
        eoi.Status = EoiStatus.Submitted;
        eoi.SubmittedAtUtc = clock.GetUtcNow().UtcDateTime;
        eoi.SubmittedBy = currentUser.Name;
        return await SaveChangesAsync(eoi, false, fundId, pcnCode, evaluation.Outcomes, cancellationToken);
    }

    private async Task<SaveResult> SaveChangesAsync(OdEoi eoi, bool isNew, int fundId, string pcnCode, IReadOnlyList<RuleOutcome> outcomes, CancellationToken cancellationToken)
    {
        await notices.EoiSavedAsync(eoi, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult(null, [new FormError("", "This expression of interest was changed by someone else. The latest version is shown; make your changes again.")], [], Conflict: true);
        }
        catch (DbUpdateException) when (isNew)
        {
            // Two first saves at once (a double click, or two colleagues): the unique (fund, PCN) index lets one in.
            db.ChangeTracker.Clear();
            if (await db.OdEois.AnyAsync(e => e.FundId == fundId && e.PcnCode == pcnCode, cancellationToken))
            {
                return new SaveResult(null, [new FormError("", "Your PCN's expression of interest was saved by someone else (or by a second click) at the same moment. The saved version is shown; check it before changing anything.")], [], Conflict: true);
            }

            throw;
        }

        return new SaveResult(eoi.Id, [], [.. outcomes.Where(o => o.Severity == RuleSeverity.Warn)]);
    }

    private Evaluation Evaluate(Context context, string pcnCode, EoiForm form, bool readyToSend)
    {
        var errors = new List<FormError>();

        // Parse lines; blank rows are ignored.
        var lines = new List<OdEoiLine>();
        for (var i = 0; i < form.Lines.Count && i < EoiForm.MaxLines; i++)
        {
            var line = form.Lines[i];
            if (line.IsBlank)
            {
                continue;
            }

            if (!FormValues.TryParseMoney(line.Amount, out var amount))
            {
                errors.Add(new FormError($"Lines[{i}].Amount", $"Line {i + 1}: enter the amount in pounds and pence, for example 1250.50"));
            }

            var domains = new List<MaturityDomain>();
            foreach (var code in line.Domains)
            {
                if (MaturityDomains.TryParseCode(code, out var domain))
                {
                    domains.Add(domain);
                }
            }

            if ((line.SupportRequested?.Length ?? 0) > 500 || (line.Deliverable?.Length ?? 0) > 1000)
            {
                errors.Add(new FormError($"Lines[{i}].Deliverable", $"Line {i + 1}: keep the support to 500 characters and the deliverable to 1,000"));
            }

            lines.Add(new OdEoiLine
            {
                LineNumber = i + 1,
                SupportRequested = line.SupportRequested?.Trim() ?? string.Empty,
                Deliverable = line.Deliverable?.Trim() ?? string.Empty,
                Amount = amount,
                DomainCodes = string.Join(",", domains.Distinct().Select(d => d.Code())),
            });
        }

        var isCd = currentUser.IsInRole(PortalRoles.ClinicalDirector);
        var existing = context.Eoi;
        var signature = Signature(lines, form.OverShareReason);
        var unchanged = existing is not null && Signature(existing.Lines.OrderBy(l => l.LineNumber).ToList(), existing.OverShareReason) == signature;
        var cdConfirmed = isCd ? form.ClinicalDirectorConfirmed : existing is not null && existing.ClinicalDirectorConfirmed && unchanged;

        var candidate = new Eoi(pcnCode, [.. lines.Select(l => l.ToDomain())], form.ConfirmedNotFundedElsewhere, cdConfirmed, form.OverShareReason);
        var outcomes = EoiChecks.Check(candidate, context.Share!.Value);

        // A draft may be incomplete, but what is there must be valid money and text. Problems with a field the typed values
        // already failed on are not repeated.
        foreach (var failure in outcomes.Where(o => o.Severity == RuleSeverity.Fail && (readyToSend || o.Code == EoiChecks.AmountCode)))
        {
            var key = KeyFor(failure, lines);
            if (!errors.Any(e => e.Key == key))
            {
                errors.Add(new FormError(key, failure.Explanation));
            }
        }

        return new Evaluation(errors, lines, outcomes, cdConfirmed, unchanged);
    }

    private static string KeyFor(RuleOutcome failure, List<OdEoiLine> lines)
    {
        if (failure.Figures.TryGetValue("Line", out var n) && int.TryParse(n, out var number))
        {
            var index = lines[number - 1].LineNumber - 1;
            return failure.Code switch
            {
                EoiChecks.AmountCode => $"Lines[{index}].Amount",
                EoiChecks.DomainCode => $"Lines[{index}].Domains",
                EoiChecks.DeliverableCode when string.IsNullOrWhiteSpace(lines[number - 1].SupportRequested) => $"Lines[{index}].SupportRequested",
                _ => $"Lines[{index}].Deliverable",
            };
        }

        return failure.Code switch
        {
            EoiChecks.LinesCode => "Lines[0].SupportRequested",
            EoiChecks.FundedElsewhereCode => "ConfirmedNotFundedElsewhere",
            EoiChecks.CdConfirmCode => "ClinicalDirectorConfirmed",
            EoiChecks.OverShareReasonCode => "OverShareReason",
            _ => "",
        };
    }

    private static string Signature(IEnumerable<OdEoiLine> lines, string? reason) =>
        string.Join("|", lines.Select(l => $"{l.LineNumber}~{l.SupportRequested}~{l.Deliverable}~{l.Amount:0.00}~{l.DomainCodes}")) + "#" + (reason?.Trim() ?? string.Empty);
}
