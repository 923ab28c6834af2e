using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Standard;

namespace Saphan.Core.Features.Pathways;

/// <summary>A template as submitted, before validation.</summary>
public sealed record PathwayInput(string? Code, string? Name, string? NameThai, IReadOnlyList<PathwayStepInput>? Steps);

public sealed record PathwayStepInput(string? Code, IReadOnlyList<string>? ServiceTypes, int? ExpectedDays, string? From);

/// <summary>
/// Care pathway templates and the pathway of a case. Templates hold no personal data: every signed-in member reads
/// them; only a network admin creates or edits one, and an edit stores a new version (cases keep theirs). A case's
/// pathway is case data: its organisation's case readers read it, case writers assign it and mark steps; audited.
/// </summary>
public sealed partial class PathwayCommands(SaphanDbContext db, TimeProvider clock, PathwayStepTasks? stepTasks = null)
{
    public static bool CanEditTemplates(Actor actor) => actor is not null && actor.HasAnyRole([Roles.NetworkAdmin]);

    public async Task<IReadOnlyList<PathwayView>> ListAsync(bool currentOnly, CancellationToken cancellationToken) =>
        (await db.CarePathways.AsNoTracking().Where(p => !currentOnly || p.IsCurrent).ToListAsync(cancellationToken))
            .OrderBy(p => p.Code, StringComparer.Ordinal).ThenByDescending(p => p.Version).Select(PathwayView.Of).ToList();

    public async Task<PathwayView> GetAsync(Guid id, CancellationToken cancellationToken) =>
        PathwayView.Of(await db.CarePathways.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Pathway"));

    public async Task<PathwayView> CreateAsync(Actor actor, PathwayInput input, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        EnsureEditor(actor);
        var errors = readErrors ?? new ValidationErrors();
        var code = input.Code?.Trim();
        if (code is null || !CodePattern().IsMatch(code))
        {
            errors.Add("code", "Required: 3 to 40 lower-case letters, digits or underscores, starting with a letter.");
        }
        else if (await db.CarePathways.AnyAsync(p => p.Code == code, cancellationToken))
        {
            errors.Add("code", "A pathway with this code exists: edit it to make a new version.");
        }

        var pathway = Build(actor, code ?? "", 1, input, errors);
        db.CarePathways.Add(pathway);
        db.Audit(actor, "pathway.created", "care_pathway", pathway.Id, pathway.Code + " v1");
        await SaveTemplateAsync(cancellationToken);
        return PathwayView.Of(pathway);
    }

    /// <summary>Stores the next version of the template whose current version is <paramref name="id"/>; the old one stays for the cases on it.</summary>
    public async Task<PathwayView> EditAsync(Actor actor, Guid id, PathwayInput input, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        EnsureEditor(actor);
        var current = await db.CarePathways.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Pathway");
        var errors = readErrors ?? new ValidationErrors();
        if (!current.IsCurrent)
        {
            errors.Add("id", "Only the current version of a pathway is edited; a newer version exists.");
        }

        if (input.Code is not null && input.Code != current.Code)
        {
            errors.Add("code", "The code of a pathway does not change.");
        }

        var next = Build(actor, current.Code, current.Version + 1, input with { Name = input.Name ?? current.Name, NameThai = input.NameThai ?? current.NameThai }, errors);
        current.IsCurrent = false;
        db.CarePathways.Add(next);
        db.Audit(actor, "pathway.versioned", "care_pathway", next.Id, current.Code + " v" + next.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await SaveTemplateAsync(cancellationToken);
        return PathwayView.Of(next);
    }

    /// <summary>The case's pathway with each step's derived status, or null when it follows none. Audited as a view of case data.</summary>
    public Task<CasePathwayView?> ForCaseAsync(Actor actor, Guid caseId, CancellationToken cancellationToken) =>
        ForCaseAsync(actor, caseId, audit: true, cancellationToken);

    // After an assignment or a mark the change's own audit entry says what happened; no extra "viewed" entry.
    private async Task<CasePathwayView?> ForCaseAsync(Actor actor, Guid caseId, bool audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await CaseAccess.Readable(db, actor).AnyAsync(c => c.Id == caseId, cancellationToken))
        {
            throw new NotFoundException("Case");
        }

        var assigned = await db.CasePathways.AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == caseId, cancellationToken);
        if (assigned is null)
        {
            return null;
        }

        if (stepTasks is not null)
        {
            await stepTasks.RaiseOverdueAsync(assigned.OrganisationId, cancellationToken, caseId);
        }

        var pathway = await db.CarePathways.AsNoTracking().SingleAsync(p => p.Id == assigned.PathwayId, cancellationToken);
        var newer = await db.CarePathways.AnyAsync(p => p.Code == pathway.Code && p.Version > pathway.Version, cancellationToken);
        var facts = (await PathwayProgress.LoadAsync(db, [caseId], cancellationToken))[caseId];
        var steps = PathwayProgress.Derive(facts, pathway.Steps, Today);
        if (audit)
        {
            db.Audit(actor, "pathway.viewed", "case", caseId);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new CasePathwayView(caseId, pathway.Id, pathway.Code, pathway.Version, pathway.Name, pathway.NameThai, newer, assigned.AssignedAt, steps, assigned.Version);
    }

    /// <summary>Puts the case on a current template version (or moves it to another one). Case writers only.</summary>
    public async Task<CasePathwayView> AssignAsync(Actor actor, Guid caseId, Guid? pathwayId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // A writer's role (403), the actor's organisation (404), an open case (409): a closed case takes no changes.
        var @case = await CaseRecord.CaseRecordAccess.WriteAsync(db, actor, caseId, cancellationToken);
        var errors = new ValidationErrors();
        var pathway = pathwayId is null ? null : await db.CarePathways.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pathwayId, cancellationToken);
        if (pathway is null)
        {
            errors.Add("pathwayId", "Required: the id of a pathway template.");
        }
        else if (!pathway.IsCurrent)
        {
            errors.Add("pathwayId", "Choose the current version of the pathway.");
        }

        errors.ThrowIfAny();
        var now = clock.GetUtcNow();
        var assigned = await db.CasePathways.SingleOrDefaultAsync(p => p.CaseId == caseId, cancellationToken);
        if (assigned is null)
        {
            db.CasePathways.Add(new CasePathway { CaseId = caseId, OrganisationId = @case.OrganisationId, PathwayId = pathway!.Id, AssignedBy = actor.UserId, AssignedAt = now });
        }
        else
        {
            assigned.PathwayId = pathway!.Id;
            assigned.AssignedBy = actor.UserId;
            assigned.AssignedAt = now;
            assigned.Version = Guid.NewGuid();
        }

        db.Audit(actor, "pathway.assigned", "case", caseId, pathway.Code + " v" + pathway.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Follow-ups scheduled from the pathway: its 3/6/12-month steps, those the case does not have yet (same transaction).
        var months = pathway.Steps.Select(s => FollowUpMonth(s.Code)).OfType<int>().ToList();
        var scheduled = await db.FollowUps.Where(f => f.CaseId == caseId && f.Month != null).Select(f => f.Month!.Value).ToListAsync(cancellationToken);
        foreach (var month in months.Except(scheduled))
        {
            var followUp = new FollowUps.FollowUp
            {
                OrganisationId = @case.OrganisationId, CaseId = caseId, DueOn = @case.IdentifiedOn.AddMonths(month), Month = month, CreatedBy = actor.UserId, CreatedAt = now,
            };
            db.FollowUps.Add(followUp);
            db.Audit(actor, "follow_up.scheduled", "follow_up", followUp.Id, "case " + caseId.ToString());
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (assigned is null)
        {
            // Someone put the case on a pathway at the same moment (unique case_id): theirs stands.
            throw new DbUpdateConcurrencyException("The case was put on a pathway by someone else at the same time.");
        }

        return (await ForCaseAsync(actor, caseId, audit: false, cancellationToken))!;
    }

    /// <summary>Marks a step by hand (done, under way, skipped; pending clears the mark). Case writers only.</summary>
    public async Task<CasePathwayView> MarkAsync(Actor actor, Guid caseId, string stepCode, string? mark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await CaseRecord.CaseRecordAccess.WriteAsync(db, actor, caseId, cancellationToken);
        var assigned = await db.CasePathways.AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == caseId, cancellationToken) ?? throw new NotFoundException("Case pathway");
        var steps = await db.CarePathways.AsNoTracking().Where(p => p.Id == assigned.PathwayId).Select(p => p.Steps).SingleAsync(cancellationToken);
        var errors = new ValidationErrors();
        if (steps.All(s => s.Code != stepCode))
        {
            errors.Add("step", "Not a step of this case's pathway.");
        }

        if (!StandardValueSets.PathwayMark.Contains(mark))
        {
            errors.Add("mark", "Use one of: " + StandardValueSets.PathwayMark.Describe() + ".");
        }

        errors.ThrowIfAny();
        var entry = new PathwayStepMark { CaseId = caseId, OrganisationId = actor.OrganisationId, StepCode = stepCode, Mark = mark!, MarkedBy = actor.UserId, MarkedAt = clock.GetUtcNow() };
        db.PathwayStepMarks.Add(entry);
        db.Audit(actor, "pathway.step_marked", "case", caseId, stepCode + " " + mark);
        await db.SaveChangesAsync(cancellationToken);
        return (await ForCaseAsync(actor, caseId, audit: false, cancellationToken))!;
    }

    /// <summary>The follow-up month of a pathway step (follow_up_3m → 3), or null for other steps.</summary>
    public static int? FollowUpMonth(string stepCode) => stepCode switch
    {
        "follow_up_3m" => 3,
        "follow_up_6m" => 6,
        "follow_up_12m" => 12,
        _ => null,
    };

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task SaveTemplateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException)
        {
            // The unique (code, version) index: another admin stored this version at the same moment.
            throw new DbUpdateConcurrencyException("Someone else changed this pathway at the same time.");
        }
    }

    private CarePathway Build(Actor actor, string code, int version, PathwayInput input, ValidationErrors errors)
    {
        var today = Today;
        var name = Persons.PersonInput.Text(input.Name, "name", 200, errors);
        if (name is null && !errors.ToDictionary().ContainsKey("name"))
        {
            errors.Add("name", "Required.");
        }

        var nameThai = Persons.PersonInput.Text(input.NameThai, "nameThai", 200, errors);
        var steps = new List<PathwayStep>();
        if (input.Steps is null || input.Steps.Count == 0)
        {
            errors.Add("steps", "Required: at least one step.");
        }

        for (var i = 0; i < (input.Steps?.Count ?? 0); i++)
        {
            var step = input.Steps![i];
            var path = "steps[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "].";
            var ok = true;
            if (!StandardValueSets.PathwayStep.Contains(step.Code))
            {
                errors.Add(path + "code", "Use one of: " + StandardValueSets.PathwayStep.Describe() + ".");
                ok = false;
            }
            else if (steps.Any(s => s.Code == step.Code))
            {
                errors.Add(path + "code", "Each step appears once.");
                ok = false;
            }

            var types = StandardValidator.Check(DataStandard.Get("pathway.step.serviceTypes"), [.. step.ServiceTypes ?? []], today);
            if (!types.Ok)
            {
                errors.Add(path + "serviceTypes", types.Problem!);
                ok = false;
            }

            if (step.ExpectedDays is not (>= 0 and <= 3650))
            {
                errors.Add(path + "expectedDays", "Required: a whole number of days between 0 and 3650.");
                ok = false;
            }

            var from = step.From ?? "identification";
            if (!StandardValueSets.PathwayStepFrom.Contains(from))
            {
                errors.Add(path + "from", "Use one of: " + StandardValueSets.PathwayStepFrom.Describe() + ".");
                ok = false;
            }

            if (ok)
            {
                steps.Add(new PathwayStep(step.Code!, [.. types.Values], step.ExpectedDays!.Value, from));
            }
        }

        errors.ThrowIfAny();
        return new CarePathway { Code = code, Version = version, Name = name!, NameThai = nameThai, Steps = steps, CreatedBy = actor.UserId, CreatedAt = clock.GetUtcNow() };
    }

    private static void EnsureEditor(Actor actor)
    {
        if (!CanEditTemplates(actor))
        {
            throw new ForbiddenException();
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{2,39}$")]
    private static partial Regex CodePattern();
}
