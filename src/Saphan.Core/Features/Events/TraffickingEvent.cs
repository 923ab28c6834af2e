namespace Saphan.Core.Features.Events;

/// <summary>
/// A step of what happened to the person (HTCDS historic trafficking event): a recruitment, a stage of
/// transit or a place or period of exploitation, with the fields of the dictionary's event sections.
/// Fields that do not belong to the event's type stay empty.
/// </summary>
public sealed class TraffickingEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public Guid CaseId { get; init; }
    /// <summary>recruitment, transit or exploitation: the dictionary section event.{type}.</summary>
    public required string Type { get; init; }

    // Place.
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Country { get; set; }
    /// <summary>ISO 3166-2:TH, only in Thailand.</summary>
    public string? Province { get; set; }
    /// <summary>District or town: free text, encrypted.</summary>
    public string? District { get; set; }

    // When: YYYY, YYYY-MM or YYYY-MM-DD. A recruitment has one date, kept as the start.
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }

    // Recruitment.
    public List<string> RecruiterRelation { get; set; } = [];
    public List<string> RecruitmentMethods { get; set; } = [];
    public bool? Abduction { get; set; }

    // Recruitment and exploitation.
    public List<string> WebsitesAndApps { get; set; } = [];

    // Transit.
    public string? BorderCrossing { get; set; }

    // Exploitation.
    public List<string> ExploitationTypes { get; set; } = [];
    public List<string> Industry { get; set; } = [];
    public List<string> LabourTypes { get; set; } = [];
    public List<string> SexTypes { get; set; } = [];
    public List<string> MeansOfControl { get; set; } = [];
    public int? DurationMonths { get; set; }
    public decimal? UnpaidWagesThb { get; set; }

    /// <summary>What happened: identifying, encrypted.</summary>
    public string? Description { get; set; }

    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
