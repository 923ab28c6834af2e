using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Identity;

namespace Saphan.Core.Features.Screenings;

/// <summary>A screening as submitted, before validation.</summary>
public sealed class ScreeningInput
{
    public string? Instrument { get; set; }
    public List<int?>? Answers { get; set; }

    public static ScreeningInput FromJson(JsonInput json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var input = new ScreeningInput { Instrument = json.ReadString("instrument"), Answers = json.ReadIntegers("answers") };
        json.RejectUnknownFields();
        return input;
    }
}

/// <summary>One stored screening with its score, band and flags; <see cref="Reasons"/> lists the items that set a flag or count.</summary>
public sealed record ScreeningView(
    Guid Id,
    Guid CaseId,
    string Instrument,
    string InstrumentVersion,
    string Category,
    IReadOnlyList<int> Answers,
    int Score,
    int MaximumScore,
    string Band,
    IReadOnlyList<string> Flags,
    IReadOnlyList<string> Reasons,
    Guid RecordedBy,
    string? RecordedByName,
    DateTimeOffset RecordedAt,
    IReadOnlyList<Guid> TaskIds);

/// <summary>A case's screenings the caller may see. <see cref="HealthHidden"/>: health results exist that the caller's role may not see.</summary>
public sealed record CaseScreeningsView(Guid CaseId, bool Urgent, bool HealthHidden, IReadOnlyList<ScreeningView> Items);

/// <summary>Who may record and read which screenings.</summary>
public static class ScreeningAccess
{
    /// <summary>
    /// Roles that see and record health results (PHQ-9, GAD-7, PCL-5, suicide question), sensitive data under PDPA s.26:
    /// the people who care for the person. Org admins, law enforcement, labour inspectors, hotline operators, analysts do not.
    /// </summary>
    public static readonly IReadOnlyList<string> HealthRoles = [Roles.Supervisor, Roles.CaseWorker];

    public static bool MaySee(Actor actor, string category) =>
        category != ScreeningCategories.Health || actor.HasAnyRole(HealthRoles);
}
