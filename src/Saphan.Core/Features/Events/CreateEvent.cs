using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Persons;
using Saphan.Core.Features.Standard;

namespace Saphan.Core.Features.Events;

/// <summary>
/// Adds a recruitment, transit or exploitation event to a case. Every field is checked against the data
/// dictionary (type, value set, limits); dates must be possible: not in the future, not before the
/// person's birth, an end not before its start. Every problem is reported at once, by field path.
/// </summary>
public sealed class CreateEvent(SaphanDbContext db, TimeProvider clock)
{
    public async Task<EventView> HandleAsync(Actor actor, Guid caseId, EventInput input, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var @case = await Saphan.Core.Features.CaseRecord.CaseRecordAccess.WriteAsync(db, actor, caseId, cancellationToken, withPerson: true);

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = readErrors ?? new ValidationErrors();
        var section = EventInput.SectionOf(PersonInput.Clean(input.Type));
        if (section is null)
        {
            errors.Add("type", input.Type is null
                ? "Required: the kind of event. Use one of: " + string.Join(", ", EventInput.Types) + "."
                : "Unknown event type. Use one of: " + string.Join(", ", EventInput.Types) + ".");
            errors.ThrowIfAny();
            return null!;
        }

        var type = section.Code["event.".Length..];
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var field in section.Fields)
        {
            var name = EventInput.NameOf(field);
            var check = StandardValidator.Check(field, input.Values.GetValueOrDefault(name) ?? [], today);
            if (check.Ok)
            {
                values[name] = check.Values;
            }
            else
            {
                errors.Add(name, check.Problem!);
            }
        }

        string? One(string name) => values.GetValueOrDefault(name) is [var single, ..] ? single : null;
        List<string> Many(string name) => [.. values.GetValueOrDefault(name) ?? []];

        if (One("province") is not null && values.ContainsKey("country") && One("country") != "TH")
        {
            errors.Add("province", "Only for an event in Thailand: leave the province empty or choose TH as the country.");
        }

        CheckDates(type, values, @case.Person, errors);
        if (type == "exploitation" && Many("sexTypes").Count > 0 && values.ContainsKey("types") && !Many("types").Contains("sexual"))
        {
            errors.Add("sexTypes", "Only with the exploitation type \"sexual\" among the types.");
        }

        errors.ThrowIfAny();

        var record = new TraffickingEvent
        {
            OrganisationId = actor.OrganisationId,
            CaseId = @case.Id,
            Type = type,
            Country = One("country")!,
            Province = One("province"),
            District = One("district"),
            StartDate = type == "recruitment" ? One("date") : One("startDate"),
            EndDate = One("endDate"),
            RecruiterRelation = Many("recruiterRelation"),
            RecruitmentMethods = Many("methods"),
            Abduction = One("abduction") is { } abducted ? abducted == "true" : null,
            WebsitesAndApps = Many("websitesAndApps"),
            BorderCrossing = One("borderCrossing"),
            ExploitationTypes = Many("types"),
            Industry = Many("industry"),
            LabourTypes = Many("labourTypes"),
            SexTypes = Many("sexTypes"),
            MeansOfControl = Many("meansOfControl"),
            DurationMonths = One("durationMonths") is { } months ? int.Parse(months, CultureInfo.InvariantCulture) : null,
            UnpaidWagesThb = One("unpaidWagesThb") is { } amount ? decimal.Parse(amount, CultureInfo.InvariantCulture) : null,
            Description = One("description"),
            CreatedBy = actor.UserId,
            CreatedAt = now,
        };
        db.TraffickingEvents.Add(record);
        db.Audit(actor, "event.created", "event", record.Id, "case " + @case.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return EventView.From(record, await CaseAccess.WorkerNameAsync(db, actor.UserId, cancellationToken));
    }

    /// <summary>An end before its start, or any date before the person can have been born, is impossible.</summary>
    private static void CheckDates(string type, Dictionary<string, IReadOnlyList<string>> values, Person person, ValidationErrors errors)
    {
        string[] names = type == "recruitment" ? ["date"] : ["startDate", "endDate"];
        var born = EarliestBirth(person);
        foreach (var name in names)
        {
            if (values.GetValueOrDefault(name) is [var value, ..] && born is { } birth && PartialDates.Latest(value) < birth)
            {
                errors.Add(name, "Before the person's birth date.");
            }
        }

        if (values.GetValueOrDefault("startDate") is [var start, ..] && values.GetValueOrDefault("endDate") is [var end, ..]
            && PartialDates.Latest(end) < PartialDates.Earliest(start))
        {
            errors.Add("endDate", "Before the start date.");
        }
    }

    /// <summary>The birth date, or the earliest day the person can have been born given their estimated age.</summary>
    private static DateOnly? EarliestBirth(Person person)
    {
        if (person.BirthDate is { } birth)
        {
            return birth;
        }

        return person.EstimatedAge is { } age && person.AgeEstimatedOn is { } on ? on.AddYears(-(age + 1)).AddDays(1) : null;
    }
}

/// <summary>YYYY, YYYY-MM or YYYY-MM-DD, already checked by the <see cref="StandardValidator"/>: the first and last day it can mean.</summary>
public static class PartialDates
{
    public static DateOnly Earliest(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length switch
        {
            4 => new DateOnly(int.Parse(value, CultureInfo.InvariantCulture), 1, 1),
            7 => DateOnly.ParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    public static DateOnly Latest(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length switch
        {
            4 => new DateOnly(int.Parse(value, CultureInfo.InvariantCulture), 12, 31),
            7 => Earliest(value).AddMonths(1).AddDays(-1),
            _ => Earliest(value),
        };
    }
}
