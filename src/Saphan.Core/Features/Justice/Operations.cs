using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Reference;

namespace Saphan.Core.Features.Justice;

public sealed record OperationInput(string? Type, string? Name, string? Province, string? PlannedOn, Guid? LegalCaseId);
public sealed record OperationPlanInput(int? ShelterPlaces, int? Interpreters, int? ChildSpecialists, string? MedicalArrangements, string? ProsecutionLead);
public sealed record OperationView(Guid Id, string Type, string Name, string Province, DateOnly PlannedOn, Guid? LegalCaseId, string Status,
    int? ShelterPlaces, int? Interpreters, int? ChildSpecialists, string? MedicalArrangements, string? ProsecutionLead,
    bool HasProtectionPlan, DateTimeOffset? ApprovedAt);

/// <summary>Raids and rescues: planned, given a victim-protection plan and a prosecution lead, then approved.</summary>
public sealed class Operations(SaphanDbContext db, TimeProvider clock)
{
    public async Task<OperationView> CreateAsync(Actor actor, OperationInput input, CancellationToken cancellationToken, ValidationErrors? errors = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        JusticeAccess.Ensure(actor);
        errors ??= new ValidationErrors();
        var type = JusticeInput.Code("justice.operationType", "type", input.Type, errors, required: true);
        var name = JusticeInput.Text(input.Name, "name", 200, errors, required: true);
        if (!Provinces.IsKnown(input.Province))
        {
            errors.Add("province", "Required: a province code such as TH-10.");
        }

        var plannedOn = JusticeInput.Date(input.PlannedOn, "plannedOn", errors, required: true);
        if (input.LegalCaseId is { } legalId && !await db.Set<LegalCase>().AnyAsync(l => l.Id == legalId && l.OrganisationId == actor.OrganisationId, cancellationToken))
        {
            errors.Add("legalCaseId", "No such legal case in your organisation.");
        }

        errors.ThrowIfAny();
        var operation = new Operation
        {
            OrganisationId = actor.OrganisationId, Type = type!, Name = name!, Province = input.Province!, PlannedOn = plannedOn!.Value,
            LegalCaseId = input.LegalCaseId, CreatedBy = actor.UserId, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(operation);
        db.Audit(actor, "operation.created", "operation", operation.Id);
        await db.SaveChangesAsync(cancellationToken);
        return View(operation);
    }

    public async Task<IReadOnlyList<OperationView>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        JusticeAccess.Ensure(actor);
        var list = await db.Set<Operation>().AsNoTracking().Where(o => o.OrganisationId == actor.OrganisationId).OrderBy(o => o.Id).Take(500).ToListAsync(cancellationToken);
        db.Audit(actor, "operation.listed", "organisation", actor.OrganisationId);
        await db.SaveChangesAsync(cancellationToken);
        return list.Select(View).ToList();
    }

    public async Task<OperationView> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        var operation = await FindAsync(actor, id, cancellationToken);
        db.Audit(actor, "operation.viewed", "operation", id);
        await db.SaveChangesAsync(cancellationToken);
        return View(operation);
    }

    /// <summary>Sets the victim-protection plan and the prosecution lead (all fields replace the previous ones).</summary>
    public async Task<OperationView> SetPlanAsync(Actor actor, Guid id, OperationPlanInput input, CancellationToken cancellationToken, ValidationErrors? errors = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var operation = await FindAsync(actor, id, cancellationToken);
        errors ??= new ValidationErrors();
        if (operation.Status != "planned")
        {
            errors.Add("status", "The plan of an approved operation is fixed.");
        }

        var shelter = JusticeInput.Count(input.ShelterPlaces, "shelterPlaces", 10_000, errors);
        var interpreters = JusticeInput.Count(input.Interpreters, "interpreters", 1000, errors);
        var specialists = JusticeInput.Count(input.ChildSpecialists, "childSpecialists", 1000, errors);
        var medical = JusticeInput.Text(input.MedicalArrangements, "medicalArrangements", 2000, errors);
        var lead = JusticeInput.Text(input.ProsecutionLead, "prosecutionLead", 200, errors);
        errors.ThrowIfAny();
        operation.ShelterPlaces = shelter;
        operation.Interpreters = interpreters;
        operation.ChildSpecialists = specialists;
        operation.MedicalArrangements = medical;
        operation.ProsecutionLead = lead;
        db.Audit(actor, "operation.plan_set", "operation", id, operation.HasProtectionPlan ? "protection plan complete" : "protection plan incomplete");
        await db.SaveChangesAsync(cancellationToken);
        return View(operation);
    }

    /// <summary>Approves, or answers 400 naming the missing protection plan or prosecution lead (rule in <see cref="Operation.Approve"/>).</summary>
    public async Task<OperationView> ApproveAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        var operation = await FindAsync(actor, id, cancellationToken);
        operation.Approve(actor.UserId, clock.GetUtcNow());
        db.Audit(actor, "operation.approved", "operation", id);
        await db.SaveChangesAsync(cancellationToken);
        return View(operation);
    }

    /// <summary>Marks an approved operation executed (400 naming status otherwise).</summary>
    public async Task<OperationView> ExecuteAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        var operation = await FindAsync(actor, id, cancellationToken);
        operation.Execute();
        db.Audit(actor, "operation.executed", "operation", id);
        await db.SaveChangesAsync(cancellationToken);
        return View(operation);
    }

    /// <summary>Cancels a planned or approved operation (400 naming status otherwise).</summary>
    public async Task<OperationView> CancelAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        var operation = await FindAsync(actor, id, cancellationToken);
        operation.Cancel();
        db.Audit(actor, "operation.cancelled", "operation", id);
        await db.SaveChangesAsync(cancellationToken);
        return View(operation);
    }

    private async Task<Operation> FindAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        JusticeAccess.Ensure(actor);
        return await db.Set<Operation>().SingleOrDefaultAsync(o => o.Id == id && o.OrganisationId == actor.OrganisationId, cancellationToken)
            ?? throw new NotFoundException("Operation");
    }

    private static OperationView View(Operation o) => new(o.Id, o.Type, o.Name, o.Province, o.PlannedOn, o.LegalCaseId, o.Status,
        o.ShelterPlaces, o.Interpreters, o.ChildSpecialists, o.MedicalArrangements, o.ProsecutionLead, o.HasProtectionPlan, o.ApprovedAt);
}
