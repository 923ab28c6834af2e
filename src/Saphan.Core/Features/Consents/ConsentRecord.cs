namespace Saphan.Core.Features.Consents;

/// <summary>
/// One consent decision of the person for one purpose (dictionary section "consent"). Records are never
/// changed or removed: a change of mind is a new record, and the latest record for a purpose counts.
/// </summary>
public sealed class ConsentRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public Guid CaseId { get; init; }

    /// <summary>A code of the consentPurpose value set.</summary>
    public required string Purpose { get; init; }
    /// <summary>A code of the consentStatus value set: given, refused or withdrawn.</summary>
    public required string Status { get; init; }
    /// <summary>A code of the consentMethod value set.</summary>
    public required string Method { get; init; }
    /// <summary>The day the person made the decision.</summary>
    public DateOnly RecordedOn { get; init; }
    /// <summary>Free text: identifying, encrypted.</summary>
    public string? Note { get; init; }

    /// <summary>The staff account that recorded the decision (consent.recordedBy).</summary>
    public Guid RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}
