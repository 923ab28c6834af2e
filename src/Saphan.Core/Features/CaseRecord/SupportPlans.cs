using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Persons;

namespace Saphan.Core.Features.CaseRecord;

/// <summary>The plan's objectives and dates as submitted.</summary>
public sealed class SupportPlanInput
{
    public string? Objectives { get; set; }
    public string? AgreedOn { get; set; }
    public string? ReviewOn { get; set; }

    public static SupportPlanInput FromJson(JsonInput json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var input = new SupportPlanInput { Objectives = json.ReadString("objectives"), AgreedOn = json.ReadString("agreedOn"), ReviewOn = json.ReadString("reviewOn") };
        json.RejectUnknownFields();
        return input;
    }
}

/// <summary>An action as submitted. For a change (PATCH) only the sent fields count (<see cref="Present"/>).</summary>
public sealed class PlanActionInput
{
    public string? Type { get; set; }
    public string? Description { get; set; }
    public string? Status { get; set; }
    public string? DueOn { get; set; }
    public string? ResponsibleOrganisationId { get; set; }
    public HashSet<string> Present { get; } = new(StringComparer.Ordinal);

    private static readonly string[] Names = ["type", "description", "status", "dueOn", "responsibleOrganisationId"];

    public static PlanActionInput FromJson(JsonInput json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var input = new PlanActionInput
        {
            Type = json.ReadString("type"),
            Description = json.ReadString("description"),
            Status = json.ReadString("status"),
            DueOn = json.ReadString("dueOn"),
            ResponsibleOrganisationId = json.ReadString("responsibleOrganisationId"),
        };
        foreach (var name in Names.Where(json.Has))
        {
            input.Present.Add(name);
        }

        json.RejectUnknownFields();
        return input;
    }
}

public sealed record PlanActionView(
    Guid Id, string Type, string Description, string Status, DateOnly? DueOn, bool Overdue,
    Guid ResponsibleOrganisationId, string? ResponsibleOrganisationName, Guid CreatedBy, string? CreatedByName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A case's support plan; <see cref="Recorded"/> is false while no objectives were written (actions may exist already).</summary>
public sealed record SupportPlanView(
    Guid CaseId, bool Recorded, string? Objectives, DateOnly? AgreedOn, DateOnly? ReviewOn, DateTimeOffset? UpdatedAt, IReadOnlyList<PlanActionView> Actions);

/// <summary>Writes the support plan: its objectives (replaced), and its actions (added, then changed one by one). Audited.</summary>
public sealed class SupportPlans(SaphanDbContext db, TimeProvider clock)
{
    public async Task<SupportPlanView> GetAsync(Actor actor, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var @case = await CaseRecordAccess.ReadAsync(db, actor, caseId, cancellationToken);
        var view = await ViewAsync(@case, cancellationToken);
        if (view.Recorded || view.Actions.Count > 0)
        {
            db.Audit(actor, "support_plan.viewed", "case", caseId);
            await db.SaveChangesAsync(cancellationToken);
        }

        return view;
    }

    public async Task<SupportPlanView> SaveAsync(Actor actor, Guid caseId, SupportPlanInput input, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var @case = await CaseRecordAccess.WriteAsync(db, actor, caseId, cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = readErrors ?? new ValidationErrors();
        var objectives = CaseRecordAccess.One("plan.objectives", "objectives", input.Objectives, today, errors);
        var agreedOn = CaseRecordAccess.Date("plan.agreedOn", "agreedOn", input.AgreedOn, today, errors);
        var reviewOn = CaseRecordAccess.Date("plan.reviewOn", "reviewOn", input.ReviewOn, today, errors);
        if (agreedOn < @case.IdentifiedOn)
        {
            errors.Add("agreedOn", "Before the case's identification date.");
        }

        if (reviewOn is { } review && (agreedOn ?? @case.IdentifiedOn) is var from && review < from)
        {
            errors.Add("reviewOn", "Before the day the plan was agreed (or the case was identified).");
        }

        errors.ThrowIfAny();
        var plan = await db.Set<SupportPlan>().SingleOrDefaultAsync(p => p.CaseId == caseId, cancellationToken);
        if (plan is null)
        {
            plan = new SupportPlan { CaseId = caseId, OrganisationId = @case.OrganisationId };
            db.Add(plan);
        }

        plan.Objectives = objectives;
        plan.AgreedOn = agreedOn;
        plan.ReviewOn = reviewOn;
        plan.UpdatedBy = actor.UserId;
        plan.UpdatedAt = now;
        db.Audit(actor, "support_plan.recorded", "case", caseId);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(@case, cancellationToken);
    }

    public async Task<PlanActionView> AddActionAsync(Actor actor, Guid caseId, PlanActionInput input, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var @case = await CaseRecordAccess.WriteAsync(db, actor, caseId, cancellationToken);
        var now = clock.GetUtcNow();
        var errors = readErrors ?? new ValidationErrors();
        var action = new SupportPlanAction
        {
            OrganisationId = @case.OrganisationId,
            CaseId = caseId,
            Type = "",
            Description = "",
            Status = "planned",
            CreatedBy = actor.UserId,
            CreatedAt = now,
        };
        foreach (var name in new[] { "type", "description", "status", "dueOn", "responsibleOrganisationId" })
        {
            input.Present.Add(name);
        }

        input.Status ??= "planned";
        await ApplyAsync(action, input, @case, now, errors, cancellationToken);
        errors.ThrowIfAny();
        db.Add(action);
        db.Audit(actor, "support_plan.action_added", "support_plan_action", action.Id, "case " + caseId.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return (await ViewAsync(@case, cancellationToken)).Actions.Single(a => a.Id == action.Id);
    }

    public async Task<PlanActionView> ChangeActionAsync(Actor actor, Guid caseId, Guid actionId, PlanActionInput input, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var @case = await CaseRecordAccess.WriteAsync(db, actor, caseId, cancellationToken);
        var action = await db.Set<SupportPlanAction>().SingleOrDefaultAsync(a => a.Id == actionId && a.CaseId == caseId, cancellationToken)
            ?? throw new NotFoundException("Action");
        var now = clock.GetUtcNow();
        var errors = readErrors ?? new ValidationErrors();
        await ApplyAsync(action, input, @case, now, errors, cancellationToken);
        errors.ThrowIfAny();
        action.UpdatedAt = now;
        db.Audit(actor, "support_plan.action_changed", "support_plan_action", action.Id, "case " + caseId.ToString() + "; " + string.Join(',', input.Present.Order(StringComparer.Ordinal)));
        await db.SaveChangesAsync(cancellationToken);
        return (await ViewAsync(@case, cancellationToken)).Actions.Single(a => a.Id == action.Id);
    }

    private async Task ApplyAsync(SupportPlanAction action, PlanActionInput input, Case @case, DateTimeOffset now, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (input.Present.Contains("type") && CaseRecordAccess.One("plan.action.type", "type", input.Type, today, errors) is { } type)
        {
            action.Type = type;
        }

        if (input.Present.Contains("description") && CaseRecordAccess.One("plan.action.description", "description", input.Description, today, errors) is { } description)
        {
            action.Description = description;
        }

        if (input.Present.Contains("status") && CaseRecordAccess.One("plan.action.status", "status", input.Status, today, errors) is { } status)
        {
            action.Status = status;
        }

        if (input.Present.Contains("dueOn"))
        {
            var due = CaseRecordAccess.Date("plan.action.dueOn", "dueOn", input.DueOn, today, errors);
            if (due < @case.IdentifiedOn)
            {
                errors.Add("dueOn", "Before the case's identification date.");
            }
            else if (due is not null || PersonInput.Clean(input.DueOn) is null)
            {
                action.DueOn = due;
            }
        }

        if (input.Present.Contains("responsibleOrganisationId"))
        {
            var raw = PersonInput.Clean(input.ResponsibleOrganisationId);
            if (raw is null)
            {
                action.ResponsibleOrganisationId = null;
            }
            else if (!Guid.TryParse(raw, out var organisation) || !await db.Organisations.AnyAsync(o => o.Id == organisation, cancellationToken))
            {
                errors.Add("responsibleOrganisationId", "Not the id of an organisation of the network.");
            }
            else
            {
                action.ResponsibleOrganisationId = organisation;
            }
        }
    }

    private async Task<SupportPlanView> ViewAsync(Case @case, CancellationToken cancellationToken)
    {
        var plan = await db.Set<SupportPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == @case.Id, cancellationToken);
        var actions = await db.Set<SupportPlanAction>().AsNoTracking().Where(a => a.CaseId == @case.Id).ToListAsync(cancellationToken);
        var organisationIds = actions.Select(a => a.ResponsibleOrganisationId ?? @case.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var names = await CaseRecordAccess.NamesAsync(db, actions.Select(a => a.CreatedBy), cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var views = actions
            .OrderBy(a => a.Status is "done" or "cancelled").ThenBy(a => a.DueOn ?? DateOnly.MaxValue).ThenBy(a => a.Id)
            .Select(a =>
            {
                var responsible = a.ResponsibleOrganisationId ?? @case.OrganisationId;
                return new PlanActionView(a.Id, a.Type, a.Description, a.Status, a.DueOn, a.DueOn < today && a.Status is "planned" or "in_progress",
                    responsible, organisations.GetValueOrDefault(responsible), a.CreatedBy, names.GetValueOrDefault(a.CreatedBy), a.CreatedAt, a.UpdatedAt);
            })
            .ToList();
        return new SupportPlanView(@case.Id, plan?.Objectives is not null, plan?.Objectives, plan?.AgreedOn, plan?.ReviewOn, plan?.UpdatedAt, views);
    }
}
