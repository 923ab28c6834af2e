namespace Saphan.Core.Features.CaseRecord;

/// <summary>
/// The latest risk and vulnerability assessment of a case (dictionary section "vulnerability"): one row per case,
/// replaced by each assessment (the audit log keeps who changed it when). Individual factors are health data (PDPA
/// s.26) and the details are free text: both encrypted.
/// </summary>
public sealed class VulnerabilityAssessment
{
    public Guid CaseId { get; init; }
    public Guid OrganisationId { get; init; }
    public DateOnly AssessedOn { get; set; }
    /// <summary>Codes of the individualVulnerability value set, comma-separated; encrypted (health data).</summary>
    public string? Individual { get; set; }
    public string? IncomeBand { get; set; }
    public decimal? DebtThb { get; set; }
    public List<string> DebtTo { get; set; } = [];
    public int? Dependants { get; set; }
    public List<string> Community { get; set; } = [];
    /// <summary>Free text: identifying, encrypted.</summary>
    public string? Details { get; set; }
    public Guid AssessedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A case's support plan (dictionary section "plan"): the person's objectives; the actions are <see cref="SupportPlanAction"/>.</summary>
public sealed class SupportPlan
{
    public Guid CaseId { get; init; }
    public Guid OrganisationId { get; init; }
    /// <summary>Free text: identifying, encrypted.</summary>
    public string? Objectives { get; set; }
    public DateOnly? AgreedOn { get; set; }
    public DateOnly? ReviewOn { get; set; }
    public Guid UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One action of a support plan: a type of support, what is done, by which organisation, by when, and how far it got.</summary>
public sealed class SupportPlanAction
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public Guid CaseId { get; init; }
    /// <summary>A code of the supportType value set.</summary>
    public required string Type { get; set; }
    /// <summary>Free text: identifying, encrypted.</summary>
    public required string Description { get; set; }
    /// <summary>A code of the planActionStatus value set.</summary>
    public required string Status { get; set; }
    public DateOnly? DueOn { get; set; }
    /// <summary>The organisation that carries the action out; the case's own when null.</summary>
    public Guid? ResponsibleOrganisationId { get; set; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A dated note on a case (HTCDS case comments). Never changed or removed (database triggers); the text is encrypted.</summary>
public sealed class CaseComment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public Guid CaseId { get; init; }
    /// <summary>"note" (written by a person), "closed" or "reopened" (the reason given with that step).</summary>
    public required string Kind { get; init; }
    public required string Text { get; init; }
    public Guid WrittenBy { get; init; }
    public DateTimeOffset WrittenAt { get; init; }
}
