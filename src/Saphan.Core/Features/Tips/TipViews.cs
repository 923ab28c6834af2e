namespace Saphan.Core.Features.Tips;

/// <summary>All a sender learns with their receipt: the coarse status, nothing else.</summary>
public sealed record TipStatusView(string Status);

/// <summary>A new tip's receipt code, shown once.</summary>
public sealed record TipReceipt(Guid Id, string Receipt);

/// <summary>One row of the triage queue: no free text, so listing is not a view of identifying data.</summary>
public sealed record TipSummary(
    Guid Id,
    string Channel,
    string Province,
    string OccurredWhen,
    bool ChildrenAtRisk,
    int? ChildrenCount,
    bool ImminentDanger,
    int SpamScore,
    bool LikelySpam,
    int Priority,
    string Status,
    string? AssignedOperatorName,
    DateTimeOffset ReceivedAt,
    int SenderNotes);

public sealed record TipPage(IReadOnlyList<TipSummary> Items, int Page, int PageSize, int Total);

public sealed record TipNoteView(string Kind, string Text, string? AuthorName, DateTimeOffset At);

/// <summary>A tip with its free text, for hotline staff; every opening is audited.</summary>
public sealed record TipView(
    Guid Id,
    Guid? OrganisationId,
    string Channel,
    string Description,
    string Province,
    string? Place,
    string OccurredWhen,
    bool ChildrenAtRisk,
    int? ChildrenCount,
    bool ImminentDanger,
    string? Contact,
    string Language,
    int SpamScore,
    bool LikelySpam,
    int Priority,
    string Status,
    Guid? AssignedOperatorId,
    string? AssignedOperatorName,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<TipNoteView> Notes,
    IReadOnlyList<TipRouteView> Routes);
