namespace Saphan.Core.Features.Tasks;

/// <summary>A task as its assignees see it. <see cref="Title"/> is the title's label in the requested language.</summary>
public sealed record TaskView(
    Guid Id,
    Guid? CaseId,
    string Kind,
    string Urgency,
    string TitleCode,
    string Title,
    string? Detail,
    string? AssigneeRole,
    Guid? AssigneeUserId,
    DateTimeOffset? DueAt,
    bool Overdue,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt,
    Guid? ClosedBy,
    string? ClosureNote);

/// <summary>What a feature asks for when it opens a task (see <see cref="OpenTask.Add"/>).</summary>
public sealed record NewTask(
    Guid OrganisationId,
    string Kind,
    string Urgency,
    string TitleCode,
    string? AssigneeRole = null,
    Guid? AssigneeUserId = null,
    Guid? CaseId = null,
    DateTimeOffset? DueAt = null,
    string? Detail = null,
    string? SourceType = null,
    Guid? SourceId = null);
