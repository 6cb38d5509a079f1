namespace PcnPortal.Domain.Registration;

/// <summary>
/// Stable codes of the registration rules (see docs/contract.md). Never reuse a code for a different meaning.
/// Severity when the rule is broken: Fail blocks saving; Warn never does (it is shown and counted).
/// </summary>
public static class RegistrationRuleCodes
{
    /// <summary>Fail: the name does not end with the suffix "PCN" (upper case, a word on its own).</summary>
    public const string NameSuffix = "PCN-NAME-SUFFIX";

    /// <summary>Warn: the name is longer than the configured limit (40 by default, including the suffix).</summary>
    public const string NameLength = "PCN-NAME-LENGTH";

    /// <summary>Warn: nothing but a compass point or a number before "PCN" ("North PCN", "PCN1").</summary>
    public const string NameGeneric = "PCN-NAME-GENERIC";

    /// <summary>Warn: "&amp;" used where "and" would still fit within the length limit.</summary>
    public const string NameAmpersand = "PCN-NAME-AMPERSAND";

    /// <summary>Fail: a PCN ODS code is "U" followed by five digits.</summary>
    public const string PcnCodeFormat = "PCN-CODE-FORMAT";

    /// <summary>Fail: a practice ODS code is one letter followed by five digits.</summary>
    public const string PracticeCodeFormat = "PRACTICE-CODE-FORMAT";

    /// <summary>Fail: a practice belongs to two PCNs over overlapping date ranges.</summary>
    public const string PracticeMultiplePcns = "PRACTICE-MULTIPLE-PCNS";

    /// <summary>Warn: registered population outside the band (30,000–50,000 by default) without an agreed exception.</summary>
    public const string PopulationRange = "PCN-POPULATION-RANGE";

    /// <summary>Fail: the PCN has no member practices.</summary>
    public const string NoMembers = "PCN-NO-MEMBERS";

    /// <summary>Warn: no clinical director recorded (the PCN can be saved while the post is filled).</summary>
    public const string NoClinicalDirector = "PCN-NO-CLINICAL-DIRECTOR";

    /// <summary>Warn when no payee is recorded; Fail when the payee is neither a current member practice nor a recorded provider.</summary>
    public const string NoPayee = "PCN-NO-PAYEE";
}
