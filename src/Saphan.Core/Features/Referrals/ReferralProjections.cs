namespace Saphan.Core.Features.Referrals;

/// <summary>
/// What the receiving organisation sees of a referred person, declared per service type (data minimisation,
/// PDPA s.22). While a referral is <c>sent</c> the receiver sees only <see cref="Minimal"/> (no names) to decide
/// whether to accept; while <c>accepted</c> or <c>in_progress</c> it sees the service type's projection; before
/// and after, nothing. The referral's urgency and reason (the urgent needs) are always part of the view.
/// </summary>
public static class ReferralProjections
{
    public const string GivenName = "givenName";
    public const string FamilyName = "familyName";
    public const string Age = "age";
    public const string Gender = "gender";
    public const string Languages = "languages";
    public const string Citizenship = "citizenship";
    public const string Province = "province";
    public const string Phone = "phone";
    public const string Address = "address";
    public const string IdentityDocuments = "identityDocuments";
    public const string Summary = "summary";

    /// <summary>Enough to decide on acceptance, and nothing that names the person.</summary>
    public static readonly IReadOnlyList<string> Minimal = [Age, Gender, Languages, Province];

    private static readonly IReadOnlyList<string> Care = [GivenName, Age, Gender, Languages, Province];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ByServiceType = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["shelter"] = Care,
        ["medical"] = [GivenName, FamilyName, Age, Gender, Languages, Province],
        ["mental_health"] = Care,
        ["legal_aid"] = [GivenName, FamilyName, Age, Gender, Languages, Citizenship, Province, Phone, IdentityDocuments, Summary],
        ["interpretation"] = [GivenName, Gender, Languages],
        ["repatriation"] = [GivenName, FamilyName, Age, Gender, Languages, Citizenship, Province, Phone, Address, IdentityDocuments],
        ["family_tracing"] = [GivenName, FamilyName, Age, Gender, Languages, Citizenship, Address],
        ["reintegration_follow_up"] = [GivenName, Age, Gender, Languages, Province, Phone, Address],
        ["education"] = Care,
        ["vocational_training"] = Care,
        ["job_placement"] = [GivenName, FamilyName, Age, Gender, Languages, Citizenship, Province, Phone],
        ["financial_support"] = [GivenName, FamilyName, Age, Gender, Province, Phone],
        ["victim_witness_support"] = [GivenName, FamilyName, Age, Gender, Languages, Citizenship, Province, Phone, Summary],
    };

    /// <summary>The fields visible for a referral in a state; empty when the receiver may see nothing.</summary>
    public static IReadOnlyList<string> For(string serviceType, string status) =>
        status == ReferralStates.Sent ? Minimal
        : ReferralStates.IsActive(status) ? ByServiceType.GetValueOrDefault(serviceType, Minimal)
        : [];
}
