namespace Saphan.Core.Features.Tips;

/// <summary>
/// A tip from the public (web form, API) or taken by a hotline operator on the phone. It belongs to
/// the hotline organisation that received it; it records nothing about the sender's connection or
/// device, and its free text (what happened, where exactly, contact) is encrypted.
/// </summary>
public sealed class Tip
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>The receiving hotline organisation; null while the network has no hotline organisation.</summary>
    public Guid? OrganisationId { get; set; }
    public required string Channel { get; init; }
    /// <summary>Keyed hash of the receipt code; the code itself is shown once and never stored.</summary>
    public required string ReceiptHash { get; init; }

    /// <summary>What happened, in the sender's words: identifying, encrypted.</summary>
    public string Description { get; set; } = "";
    /// <summary>ISO 3166-2:TH code of the province where it happened.</summary>
    public string Province { get; set; } = "";
    /// <summary>District, village or workplace: identifying, encrypted.</summary>
    public string? Place { get; set; }
    public string OccurredWhen { get; set; } = TipWhen.Unknown;
    public bool ChildrenAtRisk { get; set; }
    public int? ChildrenCount { get; set; }
    public bool ImminentDanger { get; set; }
    /// <summary>How to reach the sender, only if they chose to give it: identifying, encrypted.</summary>
    public string? Contact { get; set; }
    /// <summary>The language the sender used (th, en, my, km, lo): who can call back.</summary>
    public string Language { get; set; } = "th";

    public int SpamScore { get; set; }
    /// <summary>Higher first in the triage queue: see <see cref="Reprioritise"/>.</summary>
    public int Priority { get; private set; }
    public string Status { get; private set; } = TipStatuses.Received;
    public Guid? AssignedOperatorId { get; set; }

    /// <summary>The operator who took a phone tip; null for tips from the public.</summary>
    public Guid? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>When staff first acted on the tip (status, assignment or note): time-to-first-action starts at <see cref="CreatedAt"/>.</summary>
    public DateTimeOffset? FirstActionAt { get; private set; }
    /// <summary>Keyed hash of the province and the normalised place: tips about the same place share it (duplicates grouped).</summary>
    public string? PlaceHash { get; set; }

    /// <summary>Records the first staff action; later actions leave it unchanged.</summary>
    public void MarkFirstAction(DateTimeOffset now) => FirstActionAt ??= now;
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<TipNote> Notes { get; } = [];

    /// <summary>
    /// Imminent danger first, then children at risk, then the rest; a tip that looks like spam goes
    /// last whatever it claims, so ticking every box cannot push spam to the top of the queue.
    /// </summary>
    public void Reprioritise() =>
        Priority = SpamScoring.IsLikelySpam(SpamScore) ? 0 : ImminentDanger ? 3 : ChildrenAtRisk ? 2 : 1;

    public void ChangeStatus(string status, DateTimeOffset now)
    {
        if (!TipStatuses.All.Contains(status, StringComparer.Ordinal))
        {
            throw new ValidationException(new Dictionary<string, string[]>
            {
                ["status"] = [$"Unknown tip status. Use one of: {string.Join(", ", TipStatuses.All)}."],
            });
        }

        Status = status;
        ClosedAt = status == TipStatuses.Closed ? ClosedAt ?? now : null;
    }
}

/// <summary>Information added to a tip: by the sender with their receipt, or an internal note by staff.</summary>
public sealed class TipNote
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TipId { get; init; }
    public required string Kind { get; init; }
    /// <summary>Free text: identifying, encrypted.</summary>
    public required string Text { get; init; }
    public Guid? AuthorId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public const string FromSender = "sender";
    public const string Internal = "internal";
}

/// <summary>The coarse statuses a sender may see; staff work with the same four.</summary>
public static class TipStatuses
{
    public const string Received = "received";
    public const string UnderReview = "under_review";
    public const string PassedToPartner = "passed_to_partner";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Received, UnderReview, PassedToPartner, Closed];

    public static bool IsKnown(string? status) => status is not null && All.Contains(status, StringComparer.Ordinal);

    /// <summary>The public (sender's) statuses: received, under review, action taken, closed — never more.</summary>
    public const string ActionTaken = "action_taken";
    public static readonly IReadOnlyList<string> Public = [Received, UnderReview, ActionTaken, Closed];

    /// <summary>What the sender sees of a staff status: passing to a partner (routing, conversion) is "action taken".</summary>
    public static string PublicOf(string status) => status == PassedToPartner ? ActionTaken : status;
}

public static class TipChannels
{
    public const string Web = "web";
    public const string Api = "api";
    public const string Phone = "phone";
}

/// <summary>When it happened, coarsely: a frightened person should not have to work out a date.</summary>
public static class TipWhen
{
    public const string Now = "now";
    public const string Today = "today";
    public const string LastWeek = "last_week";
    public const string Earlier = "earlier";
    public const string Unknown = "unknown";

    public static readonly IReadOnlyList<string> All = [Now, Today, LastWeek, Earlier, Unknown];
}

/// <summary>The languages of the public tip page.</summary>
public static class TipLanguages
{
    public static readonly IReadOnlyList<string> All = ["th", "en", "my", "km", "lo"];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);
}
