namespace Saphan.Core.Features.Referrals;

/// <summary>One step in a referral's history.</summary>
public sealed record ReferralStepView(string From, string To, string? Reason, string Organisation, DateTimeOffset At);

/// <summary>
/// A referral as one side sees it. The sender sees its case id, the reason and any consent override; the receiver
/// sees none of them here (it reads the person only through the projected view while the referral is active).
/// </summary>
public sealed record ReferralView(
    Guid Id, string Side, Guid? CaseId, Guid FromOrganisationId, string FromOrganisation, Guid ToOrganisationId, string ToOrganisation,
    Guid ServiceId, string ServiceName, string ServiceType, string Urgency, string? Reason, string? ConsentOverride, string Status,
    bool Overdue, DateTimeOffset? DueAt, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt,
    Guid Version, IReadOnlyList<string> AllowedTransitions, IReadOnlyList<ReferralStepView> History);

/// <summary>A line of an inbox.</summary>
public sealed record ReferralSummary(
    Guid Id, string Side, string OtherOrganisation, string ServiceName, string ServiceType, string Urgency, string Status, bool Overdue,
    DateTimeOffset? SentAt, DateTimeOffset? DueAt, DateTimeOffset UpdatedAt);

public sealed record ReferralCounts(int Received, int Sent, int Overdue);

public sealed record ReferralInbox(string Box, ReferralCounts Counts, IReadOnlyList<ReferralSummary> Items);

public sealed record ReferralNoteView(Guid Id, string Text, string? Author, DateTimeOffset CreatedAt);

/// <summary>
/// The receiving organisation's view of the referred person: only the <see cref="Fields"/> of the service type's
/// declared projection appear in <see cref="Person"/>; nothing else of the case is reachable.
/// </summary>
public sealed record ProjectedCaseView(
    Guid ReferralId, string Status, string ServiceType, string Urgency, string? Reason, IReadOnlyList<string> Fields,
    IReadOnlyDictionary<string, object?> Person, IReadOnlyList<ReferralNoteView> Notes);
