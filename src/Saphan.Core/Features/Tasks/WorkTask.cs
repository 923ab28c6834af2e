namespace Saphan.Core.Features.Tasks;

/// <summary>
/// A piece of work for a role within an organisation and/or one of its users, optionally about a case:
/// follow up a suicide-risk answer, refer a positive forced-labour screen, chase an overdue referral.
/// Title and detail are codes and non-identifying text only: a task list may be seen by a whole role.
/// Urgent tasks are never dismissed silently: closing one needs a note on the action taken (audited).
/// </summary>
public sealed class WorkTask
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public Guid? CaseId { get; init; }

    /// <summary>A code of the taskKind value set.</summary>
    public required string Kind { get; init; }
    /// <summary><see cref="TaskUrgency.Normal"/> or <see cref="TaskUrgency.Urgent"/>.</summary>
    public required string Urgency { get; init; }
    /// <summary>A code of the taskTitle value set; pages show its label in the reader's language.</summary>
    public required string TitleCode { get; init; }
    /// <summary>Non-identifying detail written by the system (e.g. the indicator codes that made a screen positive).</summary>
    public string? Detail { get; init; }

    /// <summary>Everyone in the organisation holding this role sees the task.</summary>
    public string? AssigneeRole { get; init; }
    /// <summary>This user sees the task (besides the role, if one is set).</summary>
    public Guid? AssigneeUserId { get; init; }
    public DateTimeOffset? DueAt { get; init; }

    /// <summary><see cref="TaskStatus.Open"/> or <see cref="TaskStatus.Done"/>.</summary>
    public string Status { get; private set; } = TaskStatus.Open;

    /// <summary>What created the task (e.g. "screening", "referral") and its id, for the feature that reuses tasks.</summary>
    public string? SourceType { get; init; }
    public Guid? SourceId { get; init; }

    /// <summary>The user whose action created the task; null when the system did.</summary>
    public Guid? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid? ClosedBy { get; private set; }
    /// <summary>What was done; may name the person, so it is encrypted.</summary>
    public string? ClosureNote { get; private set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public bool IsUrgent => Urgency == TaskUrgency.Urgent;
    public bool IsOpen => Status == TaskStatus.Open;

    /// <summary>Closes the task. Returns a problem (field → message) instead when the rules refuse it.</summary>
    public (string Field, string Message)? Complete(Guid userId, string? note, DateTimeOffset at)
    {
        if (!IsOpen)
        {
            return ("status", "The task is already done.");
        }

        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (IsUrgent && (text is null || text.Length < TaskRules.UrgentNoteMinLength))
        {
            return ("note", $"An urgent task cannot be dismissed: state the action taken (at least {TaskRules.UrgentNoteMinLength} characters).");
        }

        if (text is { Length: > TaskRules.NoteMaxLength })
        {
            return ("note", $"At most {TaskRules.NoteMaxLength} characters.");
        }

        Status = TaskStatus.Done;
        ClosedAt = at;
        ClosedBy = userId;
        ClosureNote = text;
        ConcurrencyStamp = Guid.NewGuid();
        return null;
    }
}

public static class TaskUrgency
{
    public const string Normal = "normal";
    public const string Urgent = "urgent";
}

public static class TaskStatus
{
    public const string Open = "open";
    public const string Done = "done";
}

public static class TaskRules
{
    public const int UrgentNoteMinLength = 10;
    public const int NoteMaxLength = 2000;
    public const int DetailMaxLength = 500;
}
