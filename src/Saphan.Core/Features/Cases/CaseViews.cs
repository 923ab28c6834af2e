using Saphan.Core.Features.Persons;

namespace Saphan.Core.Features.Cases;

/// <summary>A case with its person's identifying data, as returned to those allowed to see it.</summary>
public sealed record CaseView(
    Guid Id,
    Guid OrganisationId,
    PersonView Person,
    DateOnly IdentifiedOn,
    string IdentificationRoute,
    string Province,
    string Status,
    Guid? AssignedWorkerId,
    string? AssignedWorkerName,
    string? Summary,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The victim context (dictionary section "victim"); its PDPA s.26 values only for roles that may see them.</summary>
    public VictimContextView Victim { get; init; } = VictimContextView.Empty;

    internal static CaseView From(Case c, string? workerName, bool sensitive) => new(
        c.Id, c.OrganisationId, PersonView.From(c.Person, c.IdentifiedOn), c.IdentifiedOn, c.IdentificationRoute, c.Province,
        c.Status, c.AssignedWorkerId, workerName, c.Summary, c.CreatedAt, c.UpdatedAt)
    {
        Victim = VictimContextView.From(c, sensitive),
    };
}

/// <summary>
/// A case's victim context: the trafficking status (a traffickingStatus code, null when not recorded), the kind of
/// organisation that decided it (an htcdsOrganisationType code), the formal NRM identification (<see cref="Nrm"/>), and two
/// PDPA s.26 fields: <see cref="HealthNeeds"/> (healthNeed codes) and <see cref="ArrestedOrCharged"/>. For a reader whose
/// role may not see them (<see cref="SensitiveHidden"/>) both are null, and <see cref="HealthNeedsRecorded"/> and
/// <see cref="ArrestedOrChargedRecorded"/> only say whether something is recorded.
/// </summary>
public sealed record VictimContextView(
    string? TraffickingStatus,
    string? TraffickingStatusDecidedBy,
    NrmIdentificationView Nrm,
    IReadOnlyList<string>? HealthNeeds,
    bool? ArrestedOrCharged,
    bool SensitiveHidden,
    bool HealthNeedsRecorded,
    bool ArrestedOrChargedRecorded)
{
    public static readonly VictimContextView Empty = new(null, null, new NrmIdentificationView(null, null), null, null, true, false, false);

    internal static VictimContextView From(Case c, bool sensitive) => new(
        c.TraffickingStatus,
        c.TraffickingStatusDecidedBy,
        new NrmIdentificationView(c.NrmIdentifiedOn, c.NrmMultidisciplinaryTeam),
        sensitive ? (c.HealthNeeds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries) : null,
        sensitive && c.ArrestedOrCharged is { } arrested ? arrested == "true" : null,
        !sensitive,
        c.HealthNeeds is not null,
        c.ArrestedOrCharged is not null);
}

/// <summary>Formal identification under Thailand's National Referral Mechanism: the date, and whether a multidisciplinary team held the interview.</summary>
public sealed record NrmIdentificationView(DateOnly? IdentifiedOn, bool? MultidisciplinaryTeam);

public sealed record PersonView(
    Guid Id,
    string GivenName,
    string? FamilyName,
    IReadOnlyList<string> OtherNames,
    DateOnly? BirthDate,
    int? EstimatedAge,
    int? AgeAtIdentification,
    string Gender,
    IReadOnlyList<string> Citizenship,
    IReadOnlyList<string> Languages,
    string? Phone,
    string? Address,
    IReadOnlyList<DocumentView> IdentityDocuments)
{
    internal static PersonView From(Person p, DateOnly identifiedOn) => new(
        p.Id, PersonNames.Display(p.GivenName), p.FamilyName,
        (p.OtherNames ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries),
        p.BirthDate, p.EstimatedAge, p.AgeOn(identifiedOn), p.Gender, p.Citizenships, p.Languages, p.Phone, p.Address,
        p.Documents.Select(d => new DocumentView(d.Type, d.Number, d.IssuingCountry)).ToList());
}

public sealed record DocumentView(string Type, string Number, string? IssuingCountry);

/// <summary>One row of a case list.</summary>
public sealed record CaseSummary(
    Guid Id,
    string GivenName,
    string? FamilyName,
    string Gender,
    int? Age,
    IReadOnlyList<string> Citizenship,
    string Province,
    string Status,
    DateOnly IdentifiedOn,
    string? AssignedWorkerName);

public sealed record CasePage(IReadOnlyList<CaseSummary> Items, int Page, int PageSize, int Total);
