namespace Saphan.Core.Features.Pathways;

/// <summary>
/// One version of a care pathway template (dictionary section "pathway"). Versions are never changed: editing a
/// template stores the next version and marks it current, so cases already on an older version keep its steps.
/// </summary>
public sealed class CarePathway
{
    /// <summary>The standard survivor pathway seeded by migration 0010.</summary>
    public static readonly Guid StandardId = Guid.Parse("0195f000-0000-7000-8000-000000000001");
    public const string StandardCode = "standard_survivor";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>Stable across versions (lower case letters, digits, underscores).</summary>
    public required string Code { get; init; }
    public int Version { get; init; } = 1;
    public required string Name { get; init; }
    public string? NameThai { get; init; }
    public List<PathwayStep> Steps { get; init; } = [];
    /// <summary>True for the newest version only; new cases are put on current versions.</summary>
    public bool IsCurrent { get; set; } = true;
    public Guid? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A step of a template: a pathwayStep code, the service types that fulfil it and when it is expected.</summary>
public sealed record PathwayStep(string Code, IReadOnlyList<string> ServiceTypes, int ExpectedDays, string From);

/// <summary>The pathway a case follows (one per case), pointing at one template version.</summary>
public sealed class CasePathway
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CaseId { get; init; }
    public Guid OrganisationId { get; init; }
    public Guid PathwayId { get; set; }
    public Guid AssignedBy { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A step marked by hand (append-only; the newest mark of a step counts).</summary>
public sealed class PathwayStepMark
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CaseId { get; init; }
    public Guid OrganisationId { get; init; }
    public required string StepCode { get; init; }
    /// <summary>A pathwayMark code.</summary>
    public required string Mark { get; init; }
    public Guid MarkedBy { get; init; }
    public DateTimeOffset MarkedAt { get; init; }
}

public static class StepStatus
{
    public const string Pending = "pending";
    public const string UnderWay = "under_way";
    public const string Done = "done";
    public const string Overdue = "overdue";
    public const string Missed = "missed";
}

public sealed record PathwayView(Guid Id, string Code, int Version, string Name, string? NameThai, bool IsCurrent, IReadOnlyList<PathwayStep> Steps, DateTimeOffset CreatedAt)
{
    public static PathwayView Of(CarePathway p) => new(p.Id, p.Code, p.Version, p.Name, p.NameThai, p.IsCurrent, p.Steps, p.CreatedAt);
}

/// <summary>A step on a case: its expected date, derived status and what it was derived from (codes only).</summary>
public sealed record CaseStepView(string Code, IReadOnlyList<string> ServiceTypes, DateOnly DueOn, string Status, bool UnderWay, DateOnly? DoneOn,
    string? Evidence, string? Mark, int DaysLate);

public sealed record CasePathwayView(Guid CaseId, Guid PathwayId, string PathwayCode, int PathwayVersion, string PathwayName, string? PathwayNameThai,
    bool NewerVersionExists, DateTimeOffset AssignedAt, IReadOnlyList<CaseStepView> Steps, Guid Version)
{
    public int Count(string status) => Steps.Count(s => s.Status == status);
}
