namespace Saphan.Core.Features.Events;

/// <summary>
/// A stored event with the fields of its type, named as in the dictionary (<c>date</c> for a recruitment,
/// <c>startDate</c>/<c>endDate</c> otherwise); fields of other types are null.
/// </summary>
public sealed record EventView(
    Guid Id,
    Guid CaseId,
    string Type,
    string Country,
    string? Province,
    string? District,
    string? Date,
    string? StartDate,
    string? EndDate,
    IReadOnlyList<string>? RecruiterRelation,
    IReadOnlyList<string>? Methods,
    bool? Abduction,
    IReadOnlyList<string>? WebsitesAndApps,
    string? BorderCrossing,
    IReadOnlyList<string>? Types,
    IReadOnlyList<string>? Industry,
    IReadOnlyList<string>? LabourTypes,
    IReadOnlyList<string>? SexTypes,
    IReadOnlyList<string>? MeansOfControl,
    int? DurationMonths,
    decimal? UnpaidWagesThb,
    string? Description,
    Guid CreatedBy,
    string? CreatedByName,
    DateTimeOffset CreatedAt)
{
    internal static EventView From(TraffickingEvent e, string? createdByName)
    {
        ArgumentNullException.ThrowIfNull(e);
        var recruitment = e.Type == "recruitment";
        var transit = e.Type == "transit";
        var exploitation = e.Type == "exploitation";
        return new EventView(e.Id, e.CaseId, e.Type, e.Country, e.Province, e.District,
            recruitment ? e.StartDate : null,
            recruitment ? null : e.StartDate,
            recruitment ? null : e.EndDate,
            recruitment ? e.RecruiterRelation : null,
            recruitment ? e.RecruitmentMethods : null,
            recruitment ? e.Abduction : null,
            transit ? null : e.WebsitesAndApps,
            transit ? e.BorderCrossing : null,
            exploitation ? e.ExploitationTypes : null,
            exploitation ? e.Industry : null,
            exploitation ? e.LabourTypes : null,
            exploitation ? e.SexTypes : null,
            exploitation ? e.MeansOfControl : null,
            exploitation ? e.DurationMonths : null,
            exploitation ? e.UnpaidWagesThb : null,
            e.Description, e.CreatedBy, createdByName, e.CreatedAt);
    }
}
