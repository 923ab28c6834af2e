namespace Saphan.Core.Features.Consents;

/// <summary>One stored decision. <see cref="Warnings"/> points out what is allowed but unusual (field → reasons).</summary>
public sealed record ConsentView(
    Guid Id,
    Guid CaseId,
    string Purpose,
    string Status,
    string Method,
    DateOnly RecordedOn,
    string? Note,
    Guid RecordedBy,
    string? RecordedByName,
    DateTimeOffset RecordedAt,
    IReadOnlyDictionary<string, string[]> Warnings);

/// <summary>The decision that counts now for one purpose; <see cref="Status"/> is "none" when nothing was recorded.</summary>
public sealed record CurrentConsentView(string Purpose, string Status, DateOnly? Since, string? Method, Guid? RecordId);

/// <summary>Every purpose's current status, and the whole history newest first.</summary>
public sealed record CaseConsentsView(Guid CaseId, IReadOnlyList<CurrentConsentView> Current, IReadOnlyList<ConsentView> History);
