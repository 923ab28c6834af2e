using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Organisations;
using Saphan.Core.Features.Persons;
using Saphan.Core.Features.Reference;

namespace Saphan.Core.Features.Trainings;

/// <summary>
/// A training session an organisation gave (indicator P6, "people trained"): when, on what, where, to whom, and how
/// many attended by sex. Counts only: no participant is named, so nothing here is identifying.
/// </summary>
public sealed class TrainingSession
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public DateOnly HeldOn { get; set; }
    public string Topic { get; set; } = "";
    public string Province { get; set; } = "";
    public string Audience { get; set; } = "";
    public int ParticipantsFemale { get; set; }
    public int ParticipantsMale { get; set; }
    public int ParticipantsTransgender { get; set; }
    public int ParticipantsUnknown { get; set; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public int Participants => ParticipantsFemale + ParticipantsMale + ParticipantsTransgender + ParticipantsUnknown;
}

/// <summary>A training session as submitted, before validation. Participants are keyed by the gender codes of the standard.</summary>
public sealed class TrainingInput
{
    public string? HeldOn { get; set; }
    public string? Topic { get; set; }
    public string? Province { get; set; }
    public string? Audience { get; set; }
    public int? Female { get; set; }
    public int? Male { get; set; }
    public int? TransgenderNonconforming { get; set; }
    public int? Unknown { get; set; }

    public static TrainingInput FromJson(JsonInput json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var input = new TrainingInput
        {
            HeldOn = json.ReadString("heldOn"),
            Topic = json.ReadString("topic"),
            Province = json.ReadString("province"),
            Audience = json.ReadString("audience"),
        };
        if (json.ReadObject("participants") is { } participants)
        {
            input.Female = participants.ReadInteger("female");
            input.Male = participants.ReadInteger("male");
            input.TransgenderNonconforming = participants.ReadInteger("transgender_nonconforming");
            input.Unknown = participants.ReadInteger("unknown");
            participants.RejectUnknownFields();
        }

        json.RejectUnknownFields();
        return input;
    }
}

public sealed record TrainingParticipants(int Female, int Male, int TransgenderNonconforming, int Unknown, int Total);

public sealed record TrainingView(Guid Id, DateOnly HeldOn, string Topic, string Province, string Audience, TrainingParticipants Participants, DateTimeOffset CreatedAt)
{
    internal static TrainingView Of(TrainingSession t) => new(t.Id, t.HeldOn, t.Topic, t.Province, t.Audience,
        new TrainingParticipants(t.ParticipantsFemale, t.ParticipantsMale, t.ParticipantsTransgender, t.ParticipantsUnknown, t.Participants), t.CreatedAt);
}

/// <summary>
/// Recording, correcting and listing an organisation's training sessions. The organisation's admins and supervisors
/// record, correct, delete and read them (403 for other roles); another organisation's session is "not found". Every
/// change is audited.
/// </summary>
public sealed class TrainingRecords(SaphanDbContext db, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> TrainingRoles = [Roles.OrgAdmin, Roles.Supervisor];

    /// <summary>Who attended: the audience types of indicator P6.</summary>
    public static readonly ValueSet Audience = new("training_audience",
    [
        new("police", "Police", "ตำรวจ"),
        new("labour_inspectors", "Labour inspectors", "พนักงานตรวจแรงงาน"),
        new("social_workers", "Social workers", "นักสังคมสงเคราะห์"),
        new("ngo_staff", "NGO staff", "เจ้าหน้าที่องค์กรพัฒนาเอกชน"),
        new("community", "Community members", "สมาชิกชุมชน"),
        new("other", "Other", "อื่น ๆ"),
    ]);

    public const int MaxParticipantsPerGroup = 10_000;

    public static bool CanUse(Actor actor) => actor is not null && actor.HasAnyRole(TrainingRoles);

    internal static void Configure(ModelBuilder builder)
    {
        builder.Entity<TrainingSession>(e =>
        {
            e.ToTable("training_sessions");
            e.HasIndex(t => new { t.OrganisationId, t.HeldOn });
            e.HasIndex(t => t.HeldOn);
            e.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.Property(t => t.Topic).HasMaxLength(200);
            e.Property(t => t.Province).HasMaxLength(8);
            e.Property(t => t.Audience).HasMaxLength(32);
            e.Ignore(t => t.Participants);
        });
    }

    public async Task<TrainingView> RecordAsync(Actor actor, TrainingInput input, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        EnsureCanUse(actor);
        var now = clock.GetUtcNow();
        var session = new TrainingSession { OrganisationId = actor.OrganisationId, CreatedBy = actor.UserId, CreatedAt = now };
        Apply(session, input, DateOnly.FromDateTime(now.UtcDateTime), readErrors ?? new ValidationErrors());
        db.Add(session);
        db.Audit(actor, "training.recorded", "training_session", session.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TrainingView.Of(session);
    }

    /// <summary>Replaces a session's details (a wrong date, topic or count); audited with the names of the fields that changed.</summary>
    public async Task<TrainingView> CorrectAsync(Actor actor, Guid id, TrainingInput input, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        EnsureCanUse(actor);
        var session = await OwnAsync(actor, id, cancellationToken);
        Apply(session, input, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), readErrors ?? new ValidationErrors());
        var changed = db.Entry(session).Properties.Where(p => p.IsModified).Select(p => p.Metadata.GetColumnName()).ToList();
        if (changed.Count > 0)
        {
            db.Audit(actor, "training.corrected", "training_session", session.Id, string.Join(',', changed));
            await db.SaveChangesAsync(cancellationToken);
        }

        return TrainingView.Of(session);
    }

    /// <summary>Removes a session recorded by mistake; audited. Its participants no longer count in P6.</summary>
    public async Task DeleteAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureCanUse(actor);
        var session = await OwnAsync(actor, id, cancellationToken);
        db.Remove(session);
        db.Audit(actor, "training.deleted", "training_session", session.Id, session.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<TrainingSession> OwnAsync(Actor actor, Guid id, CancellationToken cancellationToken) =>
        await db.Set<TrainingSession>().SingleOrDefaultAsync(t => t.Id == id && t.OrganisationId == actor.OrganisationId, cancellationToken)
            ?? throw new NotFoundException("Training session");

    /// <summary>Validates the input (every bad field named) and writes it onto the session.</summary>
    private static void Apply(TrainingSession session, TrainingInput input, DateOnly today, ValidationErrors errors)
    {
        DateOnly heldOn = default;
        if (string.IsNullOrWhiteSpace(input.HeldOn))
        {
            errors.Add("heldOn", "Required.");
        }
        else if (!DateOnly.TryParseExact(input.HeldOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out heldOn))
        {
            errors.Add("heldOn", "Expected a date as yyyy-MM-dd.");
        }
        else if (heldOn > today)
        {
            errors.Add("heldOn", "Must not be in the future.");
        }
        else if (heldOn.Year < 2000)
        {
            errors.Add("heldOn", "Must be in 2000 or later.");
        }

        var topic = PersonInput.Text(input.Topic, "topic", 200, errors);
        if (topic is null && !errors.ToDictionary().ContainsKey("topic"))
        {
            errors.Add("topic", "Required.");
        }

        if (string.IsNullOrWhiteSpace(input.Province))
        {
            errors.Add("province", "Required.");
        }
        else if (!Provinces.IsKnown(input.Province.Trim()))
        {
            errors.Add("province", "Not a Thai province code (ISO 3166-2:TH, e.g. TH-50).");
        }

        if (string.IsNullOrWhiteSpace(input.Audience))
        {
            errors.Add("audience", "Required.");
        }
        else if (!Audience.Contains(input.Audience.Trim()))
        {
            errors.Add("audience", "Not one of: " + string.Join(", ", Audience.Values.Select(v => v.Code)) + ".");
        }

        Count(input.Female, "participants.female", errors);
        Count(input.Male, "participants.male", errors);
        Count(input.TransgenderNonconforming, "participants.transgender_nonconforming", errors);
        Count(input.Unknown, "participants.unknown", errors);
        if ((input.Female ?? 0) + (input.Male ?? 0) + (input.TransgenderNonconforming ?? 0) + (input.Unknown ?? 0) <= 0 && !errors.Any)
        {
            errors.Add("participants", "At least one participant is required.");
        }

        errors.ThrowIfAny();
        session.HeldOn = heldOn;
        session.Topic = topic!;
        session.Province = input.Province!.Trim();
        session.Audience = input.Audience!.Trim();
        session.ParticipantsFemale = input.Female ?? 0;
        session.ParticipantsMale = input.Male ?? 0;
        session.ParticipantsTransgender = input.TransgenderNonconforming ?? 0;
        session.ParticipantsUnknown = input.Unknown ?? 0;
    }


    /// <summary>The organisation's sessions, newest first; optionally only those of one year.</summary>
    public async Task<IReadOnlyList<TrainingView>> ListAsync(Actor actor, int? year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureCanUse(actor);
        var query = db.Set<TrainingSession>().AsNoTracking().Where(t => t.OrganisationId == actor.OrganisationId);
        if (year is { } y)
        {
            var from = new DateOnly(y, 1, 1);
            var to = from.AddYears(1);
            query = query.Where(t => t.HeldOn >= from && t.HeldOn < to);
        }

        return (await query.ToListAsync(cancellationToken)).OrderByDescending(t => t.HeldOn).ThenByDescending(t => t.CreatedAt).Select(TrainingView.Of).ToList();
    }

    public async Task<TrainingView> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureCanUse(actor);
        var session = await db.Set<TrainingSession>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && t.OrganisationId == actor.OrganisationId, cancellationToken)
            ?? throw new NotFoundException("Training session");
        return TrainingView.Of(session);
    }

    private static void Count(int? value, string field, ValidationErrors errors)
    {
        if (value is < 0 or > MaxParticipantsPerGroup)
        {
            errors.Add(field, "Must be between 0 and " + MaxParticipantsPerGroup.ToString(CultureInfo.InvariantCulture) + ".");
        }
    }

    private static void EnsureCanUse(Actor actor)
    {
        if (!CanUse(actor))
        {
            throw new ForbiddenException();
        }
    }
}
