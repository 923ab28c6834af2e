namespace Saphan.Core.Features.Referrals;

/// <summary>A case handed from one organisation to a service (of another organisation, or its own).</summary>
public sealed class Referral
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CaseId { get; init; }
    /// <summary>The sending organisation: the case's owner.</summary>
    public Guid FromOrganisationId { get; init; }
    /// <summary>The receiving organisation: the service's owner.</summary>
    public Guid ToOrganisationId { get; init; }
    public Guid ServiceId { get; init; }
    /// <summary>The service's type when referred: it decides the projection the receiver sees.</summary>
    public required string ServiceType { get; init; }
    public required string Urgency { get; init; }
    /// <summary>Free text about the person: identifying, encrypted.</summary>
    public string? Reason { get; init; }
    /// <summary>A supervisor's reason to refer without consent on record: identifying, encrypted.</summary>
    public string? ConsentOverride { get; init; }
    public string Status { get; set; } = ReferralStates.Draft;
    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Changes on every transition: two people acting at once cannot both win.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>One step of a referral's life, kept forever: who moved it, when, and why.</summary>
public sealed class ReferralTransition
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ReferralId { get; init; }
    public required string FromStatus { get; init; }
    public required string ToStatus { get; init; }
    /// <summary>Free text: identifying, encrypted.</summary>
    public string? Reason { get; init; }
    /// <summary>Empty for the system (expiry).</summary>
    public Guid ActorUserId { get; init; }
    public Guid ActorOrganisationId { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>The receiving organisation's own notes on the service it gives; only it reads them.</summary>
public sealed class ReferralNote
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ReferralId { get; init; }
    public Guid OrganisationId { get; init; }
    /// <summary>Free text: identifying, encrypted.</summary>
    public required string Text { get; init; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The referral state machine and who may take each step.</summary>
public static class ReferralStates
{
    public const string Draft = "draft";
    public const string Sent = "sent";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
    public const string Revoked = "revoked";
    public const string Expired = "expired";

    /// <summary>States after which nothing changes any more.</summary>
    public static bool IsEnded(string status) => status is Declined or Completed or Revoked or Expired;

    /// <summary>States in which the receiver works with the person and reads the declared projection.</summary>
    public static bool IsActive(string status) => status is Accepted or InProgress;

    /// <summary>Which side takes a step: the sender sends and revokes, the receiver answers and works.</summary>
    public static bool IsSenderStep(string to) => to is Sent or Revoked;

    /// <summary>The steps the machine allows from a state (revoked from any state before the end).</summary>
    public static IReadOnlyList<string> Next(string from) => from switch
    {
        Draft => [Sent, Revoked],
        Sent => [Accepted, Declined, Revoked],
        Accepted => [InProgress, Revoked],
        InProgress => [Completed, Revoked],
        _ => [],
    };

    public static readonly IReadOnlyList<string> Requestable = [Sent, Accepted, Declined, InProgress, Completed, Revoked];
}

/// <summary>When an unanswered referral becomes overdue and when it expires. Configurable ("Referrals" section).</summary>
public sealed class ReferralRules
{
    public double OverdueAfterHours { get; set; } = 72;
    public double UrgentOverdueAfterHours { get; set; } = 24;
    public double ExpireAfterHours { get; set; } = 14 * 24;
    public double UrgentExpireAfterHours { get; set; } = 72;

    public TimeSpan OverdueAfter(string urgency) => TimeSpan.FromHours(urgency == "urgent" ? UrgentOverdueAfterHours : OverdueAfterHours);

    public TimeSpan ExpireAfter(string urgency) => TimeSpan.FromHours(urgency == "urgent" ? UrgentExpireAfterHours : ExpireAfterHours);

    public bool IsOverdue(Referral referral, DateTimeOffset now) =>
        referral is { Status: ReferralStates.Sent, SentAt: { } sent } && now - sent > OverdueAfter(referral.Urgency);

    public bool IsExpired(Referral referral, DateTimeOffset now) =>
        referral is { Status: ReferralStates.Sent, SentAt: { } sent } && now - sent > ExpireAfter(referral.Urgency);
}

/// <summary>Thrown when a referral cannot be made or moved for a reason of substance (no consent, full, not eligible): 422.</summary>
public sealed class ReferralRefusedException(string field, string reason) : Exception(reason)
{
    public string Field { get; } = field;
}

/// <summary>Thrown when the referral was moved by someone else meanwhile: 409, with its state now.</summary>
public sealed class ReferralConflictException(string status)
    : Exception($"The referral is now '{status}': someone else acted on it at the same time. Read it again.")
{
    public string Status { get; } = status;
}
