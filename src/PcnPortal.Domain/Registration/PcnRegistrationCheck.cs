using System.Globalization;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Registration;

/// <summary>A current member practice and its list sizes (null when not known).</summary>
public sealed record MemberPracticeSnapshot(string PracticeCode, int? RegisteredListSize = null, decimal? WeightedListSize = null, string? Name = null);

/// <summary>An agreed exception to the population band, with the reason the commissioner recorded.</summary>
public sealed record PopulationException(string Reason, string? AgreedBy = null, DateOnly? AgreedOn = null);

/// <summary>
/// Everything the PCN-level registration rules need, as plain data. <see cref="Members"/> are the practices that are members on
/// the date being checked; <see cref="RecordedProviderCodes"/> are other providers (holding a primary medical care contract)
/// recorded for the PCN that may be its nominated payee.
/// </summary>
public sealed record PcnSnapshot(
    string Code,
    string Name,
    IReadOnlyList<MemberPracticeSnapshot> Members,
    bool HasClinicalDirector,
    string? PayeeCode,
    PopulationException? PopulationException = null)
{
    public IReadOnlyCollection<string> RecordedProviderCodes { get; init; } = [];
}

/// <summary>The outcomes of <see cref="PcnRegistrationCheck"/>: one per rule code, in a stable order.</summary>
public sealed record PcnRegistrationResult(IReadOnlyList<RuleOutcome> Outcomes)
{
    public IEnumerable<RuleOutcome> Errors => Outcomes.Where(o => o.Severity == RuleSeverity.Fail);

    public IEnumerable<RuleOutcome> Warnings => Outcomes.Where(o => o.Severity == RuleSeverity.Warn);

    /// <summary>Errors (Fail) block saving; warnings never do.</summary>
    public bool CanSave => !Errors.Any();

    public RuleOutcome this[string code] => Outcomes.First(o => o.Code == code);
}

/// <summary>
/// Runs every PCN-level registration rule on a snapshot. PRACTICE-MULTIPLE-PCNS needs every PCN's memberships, so it is not here:
/// use <see cref="PracticeMultiplePcnsRule"/>.
/// </summary>
public static class PcnRegistrationCheck
{
    public static PcnRegistrationResult Run(PcnSnapshot pcn, RegistrationOptions? options = null)
    {
        options ??= RegistrationOptions.Default;
        var outcomes = new List<RuleOutcome> { OdsCodeRules.CheckPcnCode(pcn.Code) };
        outcomes.AddRange(PcnNameRules.CheckAll(pcn.Name, options));
        outcomes.Add(CheckMembers(pcn));
        outcomes.Add(OdsCodeRules.CheckPracticeCodes(pcn.Members.Select(m => m.PracticeCode)));
        outcomes.Add(CheckPopulationRange(pcn, options));
        outcomes.Add(CheckClinicalDirector(pcn));
        outcomes.Add(CheckPayee(pcn));
        return new PcnRegistrationResult(outcomes);
    }

    /// <summary>PCN-NO-MEMBERS (Fail).</summary>
    public static RuleOutcome CheckMembers(PcnSnapshot pcn)
    {
        var figures = new Dictionary<string, string> { ["members"] = pcn.Members.Count.ToString(CultureInfo.InvariantCulture) };
        return pcn.Members.Count == 0
            ? RuleOutcome.Fail(RegistrationRuleCodes.NoMembers, $"{pcn.Code} has no member practices: add at least one practice.", figures)
            : RuleOutcome.Pass(RegistrationRuleCodes.NoMembers, $"{pcn.Code} has {pcn.Members.Count} member practice(s).", figures);
    }

    /// <summary>
    /// PCN-POPULATION-RANGE (Warn): registered population outside the band. An agreed exception turns it into a Pass that shows
    /// the reason. When some members have no registered list size the rule warns that it cannot be checked.
    /// </summary>
    public static RuleOutcome CheckPopulationRange(PcnSnapshot pcn, RegistrationOptions? options = null)
    {
        options ??= RegistrationOptions.Default;
        const string code = RegistrationRuleCodes.PopulationRange;
        var population = pcn.Members.Sum(m => m.RegisteredListSize ?? 0);
        var missing = pcn.Members.Where(m => m.RegisteredListSize is null).Select(m => m.PracticeCode).ToList();
        var min = options.PopulationMinimum;
        var max = options.PopulationMaximum;
        var figures = new Dictionary<string, string>
        {
            ["population"] = population.ToString(CultureInfo.InvariantCulture),
            ["minimum"] = min.ToString(CultureInfo.InvariantCulture),
            ["maximum"] = max.ToString(CultureInfo.InvariantCulture),
        };
        var band = $"{N(min)}–{N(max)}";
        if (missing.Count > 0)
        {
            figures["missingListSizes"] = string.Join(", ", missing);
            return RuleOutcome.Warn(code, $"{pcn.Code}'s population cannot be checked against {band}: no registered list size for {string.Join(", ", missing)} (the others total {N(population)}).", figures);
        }

        if (population >= min && population <= max)
        {
            return RuleOutcome.Pass(code, $"{pcn.Code}'s registered population of {N(population)} is within {band}.", figures);
        }

        var side = population < min ? $"{N(min - population)} below" : $"{N(population - max)} above";
        if (pcn.PopulationException is { } exception && !string.IsNullOrWhiteSpace(exception.Reason))
        {
            figures["exceptionReason"] = exception.Reason;
            var agreed = (exception.AgreedBy, exception.AgreedOn) switch
            {
                (not null, not null) => $" by {exception.AgreedBy} on {exception.AgreedOn.Value.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}",
                (not null, null) => $" by {exception.AgreedBy}",
                (null, not null) => $" on {exception.AgreedOn.Value.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}",
                _ => string.Empty,
            };
            return RuleOutcome.Pass(code, $"{pcn.Code}'s registered population of {N(population)} is {side} the usual {band}, by agreed exception{agreed}: {exception.Reason}", figures);
        }

        return RuleOutcome.Warn(code, $"{pcn.Code}'s registered population of {N(population)} is {side} the usual {band}. Record an agreed exception with its reason if the commissioner has agreed it.", figures);
    }

    /// <summary>PCN-NO-CLINICAL-DIRECTOR (Warn): shown until a clinical director is recorded; never blocks saving.</summary>
    public static RuleOutcome CheckClinicalDirector(PcnSnapshot pcn) =>
        pcn.HasClinicalDirector
            ? RuleOutcome.Pass(RegistrationRuleCodes.NoClinicalDirector, $"{pcn.Code} has a clinical director.")
            : RuleOutcome.Warn(RegistrationRuleCodes.NoClinicalDirector, $"{pcn.Code} has no clinical director recorded: record the practising clinician the network has appointed.");

    /// <summary>
    /// PCN-NO-PAYEE: Warn when no nominated payee is recorded; Fail when the payee is neither a current member practice nor a
    /// recorded provider (money must not go to an organisation outside the PCN).
    /// </summary>
    public static RuleOutcome CheckPayee(PcnSnapshot pcn)
    {
        const string code = RegistrationRuleCodes.NoPayee;
        var payee = pcn.PayeeCode?.Trim();
        var figures = new Dictionary<string, string> { ["payee"] = payee ?? string.Empty };
        if (string.IsNullOrEmpty(payee))
        {
            return RuleOutcome.Warn(code, $"{pcn.Code} has no nominated payee: choose the member practice or provider that receives the network's payments.", figures);
        }

        if (pcn.Members.Any(m => m.PracticeCode == payee))
        {
            return RuleOutcome.Pass(code, $"{pcn.Code}'s nominated payee {payee} is a current member practice.", figures);
        }

        if (pcn.RecordedProviderCodes.Contains(payee))
        {
            return RuleOutcome.Pass(code, $"{pcn.Code}'s nominated payee {payee} is a recorded provider of the network.", figures);
        }

        return RuleOutcome.Fail(code, $"{pcn.Code}'s nominated payee {payee} is not a current member practice ({string.Join(", ", pcn.Members.Select(m => m.PracticeCode))}) nor a recorded provider: choose one of them.", figures);
    }

    private static string N(int value) => value.ToString("#,##0", CultureInfo.InvariantCulture);
}
