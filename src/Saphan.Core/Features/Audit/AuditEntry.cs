namespace Saphan.Core.Features.Audit;

/// <summary>
/// One line of the append-only audit log: who did what to which record, and when. It names records
/// by id only, never by content. Each entry carries the keyed hash of its predecessor, so removing
/// or editing an entry breaks the chain that <see cref="AuditLog.VerifyAsync"/> walks.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; init; }
    public DateTimeOffset At { get; init; }
    public Guid? UserId { get; init; }
    public Guid? OrganisationId { get; init; }
    public required string Action { get; init; }
    public required string EntityType { get; init; }
    public required string EntityId { get; init; }
    /// <summary>Non-identifying detail, e.g. the names of the fields that changed.</summary>
    public string? Detail { get; init; }
    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }
}

/// <summary>An audit record waiting for the save that makes the change it describes.</summary>
internal sealed record PendingAudit(Actor Actor, string Action, string EntityType, string EntityId, string? Detail);
