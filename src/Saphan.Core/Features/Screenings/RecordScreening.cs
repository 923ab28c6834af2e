using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Tasks;

namespace Saphan.Core.Features.Screenings;

/// <summary>
/// Scores and stores a screening on a case, and opens the tasks its rules call for, all in one transaction:
/// a suicide-risk answer opens an urgent task for the organisation's supervisors;
/// a positive forced-labour or child-trafficking screen opens a task for the supervisors and one for law enforcement.
/// </summary>
public sealed class RecordScreening(SaphanDbContext db, TimeProvider clock)
{
    public async Task<ScreeningView> HandleAsync(Actor actor, Guid caseId, ScreeningInput input, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var @case = await Saphan.Core.Features.CaseRecord.CaseRecordAccess.WriteAsync(db, actor, caseId, cancellationToken, withPerson: true);

        var now = clock.GetUtcNow();
        var errors = readErrors ?? new ValidationErrors();
        var instrument = ScreeningInstruments.Find(input.Instrument);
        if (instrument is null)
        {
            errors.Add("instrument", input.Instrument is null
                ? "Required: one of " + string.Join(", ", ScreeningInstruments.All.Select(i => i.Code)) + "."
                : "Unknown instrument: use one of " + string.Join(", ", ScreeningInstruments.All.Select(i => i.Code)) + ".");
            errors.ThrowIfAny();
            return null!;
        }

        if (!ScreeningAccess.MaySee(actor, instrument.Category))
        {
            throw new ForbiddenException();
        }

        if (instrument.UnderAge is { } limit && @case.Person.AgeOn(DateOnly.FromDateTime(now.UtcDateTime)) >= limit)
        {
            errors.Add("instrument", $"{instrument.Code} is for persons under {limit.ToString(CultureInfo.InvariantCulture)}; the person's recorded age is not.");
        }

        instrument.Validate(input.Answers, errors);
        errors.ThrowIfAny();

        var answers = input.Answers!.Select(a => a!.Value).ToArray();
        var result = instrument.Score(answers);
        var screening = new Screening
        {
            OrganisationId = actor.OrganisationId,
            CaseId = @case.Id,
            Instrument = instrument.Code,
            InstrumentVersion = instrument.Version,
            Category = instrument.Category,
            Answers = string.Join(',', answers.Select(a => a.ToString(CultureInfo.InvariantCulture))),
            Score = result.Score,
            Band = result.Band,
            Flags = [.. result.Flags],
            RecordedBy = actor.UserId,
            RecordedAt = now,
        };
        db.Screenings.Add(screening);
        db.Audit(actor, "screening.recorded", "screening", screening.Id, "case " + @case.Id + " " + instrument.Code);

        var tasks = new List<WorkTask>();
        if (result.Flags.Contains(ScreeningFlags.SuicideRisk))
        {
            tasks.Add(OpenTask.Add(db, actor, new NewTask(actor.OrganisationId, TaskValueSets.SuicideRisk, TaskUrgency.Urgent, "suicide_risk_follow_up",
                Roles.Supervisor, null, @case.Id, now.AddHours(24), instrument.Code + ": " + string.Join(", ", result.Reasons),
                "screening", screening.Id), now));
        }

        if (result.Flags.Contains(ScreeningFlags.ReferToLawEnforcement))
        {
            var child = instrument.Category == ScreeningCategories.Child;
            var kind = child ? TaskValueSets.ChildTrafficking : TaskValueSets.ForcedLabour;
            var urgency = child ? TaskUrgency.Urgent : TaskUrgency.Normal;
            var due = now.AddDays(child ? 1 : 3);
            var detail = Truncate(instrument.Code + " indicators: " + string.Join(", ", result.Reasons));
            tasks.Add(OpenTask.Add(db, actor, new NewTask(actor.OrganisationId, kind, urgency, child ? "child_trafficking_review" : "forced_labour_review",
                Roles.Supervisor, null, @case.Id, due, detail, "screening", screening.Id), now));
            tasks.Add(OpenTask.Add(db, actor, new NewTask(actor.OrganisationId, kind, urgency, child ? "child_trafficking_investigate" : "forced_labour_investigate",
                Roles.LawEnforcement, null, @case.Id, due, detail, "screening", screening.Id), now));
        }

        await db.SaveChangesAsync(cancellationToken);
        var name = await CaseAccess.WorkerNameAsync(db, actor.UserId, cancellationToken);
        return ListScreenings.View(screening, name, [.. tasks.Select(t => t.Id)]);
    }

    private static string Truncate(string text) => text.Length <= TaskRules.DetailMaxLength ? text : text[..TaskRules.DetailMaxLength];
}
