using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Justice;
using Saphan.Core.Features.Organisations;
using Saphan.Core.Features.Persons;
using Saphan.Core.Features.Reference;

namespace Saphan.Core.Features.Tips;

/// <summary>A province an organisation declares it covers (beyond its base province and its services' provinces).</summary>
public sealed class OrganisationCoverage
{
    public Guid OrganisationId { get; init; }
    public required string Province { get; init; }
}

/// <summary>
/// A tip passed by the hotline to a partner organisation (police unit, labour inspection, NGO). The partner sees
/// this tip only, acknowledges it and may turn it into a case or an investigation (a legal case).
/// </summary>
public sealed class TipRoute
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TipId { get; init; }
    public Guid FromOrganisationId { get; init; }
    public Guid ToOrganisationId { get; init; }
    /// <summary>What the hotline tells the partner: free text, encrypted.</summary>
    public string? Note { get; init; }
    public Guid RoutedBy { get; init; }
    public DateTimeOffset RoutedAt { get; init; }
    public Guid? AcknowledgedBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public Guid? CaseId { get; set; }
    public Guid? LegalCaseId { get; set; }
    public DateTimeOffset? ConvertedAt { get; set; }
}

public sealed record PartnerSuggestion(Guid OrganisationId, string Name, string Type, string? Province, string Reason, bool AlreadyRouted);
public sealed record TipRouteView(Guid Id, Guid OrganisationId, string OrganisationName, DateTimeOffset RoutedAt, DateTimeOffset? AcknowledgedAt, string? Outcome);
/// <summary>A routed tip in the partner's queue: no free text.</summary>
public sealed record RoutedTipSummary(Guid TipId, string Province, string OccurredWhen, bool ChildrenAtRisk, bool ImminentDanger, string FromOrganisation,
    DateTimeOffset RoutedAt, DateTimeOffset? AcknowledgedAt, string? Outcome);
/// <summary>What the partner sees of a routed tip: what happened, where and when; never the sender's contact or notes.</summary>
public sealed record RoutedTipView(Guid TipId, string Description, string Province, string? Place, string OccurredWhen, bool ChildrenAtRisk, int? ChildrenCount,
    bool ImminentDanger, string FromOrganisation, string? RouteNote, DateTimeOffset RoutedAt, DateTimeOffset? AcknowledgedAt, Guid? CaseId, Guid? LegalCaseId);
public sealed record TipConversion(Guid TipId, Guid? CaseId, Guid? LegalCaseId);

/// <summary>
/// Routing tips to partners and what the partners do with them. The hotline (triage roles of a hotline organisation)
/// gets suggestions from the partners' declared coverage and routes; the partner's case-writing roles see only the
/// tips routed to them, acknowledge them, and convert them: into a case (case writers) or an investigation (law
/// enforcement). Every step is audited; routing is a first action on the tip, and the public status follows coarsely.
/// </summary>
public sealed class TipRouting(SaphanDbContext db, TimeProvider clock)
{
    /// <summary>The kinds of organisation a tip may be routed to, in the order they are suggested.</summary>
    public static readonly IReadOnlyList<string> PartnerTypes =
        [OrganisationTypes.Police, OrganisationTypes.LabourInspection, OrganisationTypes.Ngo, OrganisationTypes.Shelter, OrganisationTypes.Government, OrganisationTypes.TradeUnion];

    /// <summary>Roles of the receiving organisation that see and act on routed tips.</summary>
    public static readonly IReadOnlyList<string> PartnerRoles = Roles.CaseWriters;

    public const string OutcomeCase = "case";
    public const string OutcomeInvestigation = "investigation";

    internal static void Configure(ModelBuilder builder, Action<PropertyBuilder<string>, string> encrypt)
    {
        builder.Entity<OrganisationCoverage>(e =>
        {
            e.ToTable("organisation_coverage");
            e.HasKey(c => new { c.OrganisationId, c.Province });
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.Property(c => c.Province).HasMaxLength(8);
        });
        builder.Entity<TipRoute>(e =>
        {
            e.ToTable("tip_routes");
            e.HasIndex(r => new { r.TipId, r.ToOrganisationId }).IsUnique();
            e.HasIndex(r => r.ToOrganisationId);
            e.HasOne<Tip>().WithMany().HasForeignKey(r => r.TipId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(r => r.FromOrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(r => r.ToOrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<LegalCase>().WithMany().HasForeignKey(r => r.LegalCaseId).OnDelete(DeleteBehavior.Restrict);
            encrypt(e.Property(r => r.Note!), "tip_route.note");
        });
    }

    /// <summary>Declares the provinces an organisation covers (replacing the previous list); the CLI's and the demo's use case.</summary>
    public async Task SetCoverageAsync(Guid organisationId, IReadOnlyCollection<string> provinces, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provinces);
        var errors = new ValidationErrors();
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            errors.Add("organisation", "No such organisation.");
        }

        if (provinces.Any(p => !Provinces.IsKnown(p)))
        {
            errors.Add("province", "Not an ISO 3166-2:TH province code (e.g. TH-10 for Bangkok).");
        }

        errors.ThrowIfAny();
        db.RemoveRange(await db.Set<OrganisationCoverage>().Where(c => c.OrganisationId == organisationId).ToListAsync(cancellationToken));
        db.AddRange(provinces.Distinct(StringComparer.Ordinal).Select(p => new OrganisationCoverage { OrganisationId = organisationId, Province = p }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Partners for a tip, from the province: organisations of a partner type that declared the province as covered,
    /// that offer a service there (service directory), or that are based there. Optionally one type only.
    /// </summary>
    public async Task<IReadOnlyList<PartnerSuggestion>> SuggestAsync(Actor actor, Guid tipId, string? type, CancellationToken cancellationToken)
    {
        var tips = await TipAccess.ReadableAsync(db, actor, cancellationToken);
        var tip = await tips.AsNoTracking().Where(t => t.Id == tipId).Select(t => new { t.Id, t.Province, t.ImminentDanger, t.ChildrenAtRisk }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Tip");
        if (type is not null && !PartnerTypes.Contains(type, StringComparer.Ordinal))
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["type"] = ["Use one of: " + string.Join(", ", PartnerTypes) + "."] });
        }

        var types = type is null ? PartnerTypes.ToList() : [type];
        var province = tip.Province;
        var declared = db.Set<OrganisationCoverage>().Where(c => c.Province == province).Select(c => c.OrganisationId);
        var services = await db.Services.AsNoTracking().Select(s => new { s.OrganisationId, s.Provinces }).ToListAsync(cancellationToken);
        var serving = services.Where(s => s.Provinces.Contains(province)).Select(s => s.OrganisationId).ToHashSet();
        var candidates = await db.Organisations.AsNoTracking()
            .Where(o => types.Contains(o.Type) && o.Id != actor.OrganisationId)
            .Select(o => new { o.Id, o.Name, o.Type, o.Province, Declared = declared.Contains(o.Id) })
            .ToListAsync(cancellationToken);
        var routed = await db.Set<TipRoute>().AsNoTracking().Where(r => r.TipId == tipId).Select(r => r.ToOrganisationId).ToListAsync(cancellationToken);
        // Danger now: police first whatever the order of the list says.
        var order = tip.ImminentDanger || tip.ChildrenAtRisk ? types.OrderBy(t => t == OrganisationTypes.Police ? 0 : 1).ToList() : types;
        var result = candidates
            .Select(c => (c, Reason: c.Declared ? "coverage" : serving.Contains(c.Id) ? "service" : c.Province == province ? "based" : null))
            .Where(x => x.Reason is not null)
            .OrderBy(x => order.IndexOf(x.c.Type))
            .ThenBy(x => x.Reason switch { "coverage" => 0, "service" => 1, _ => 2 })
            .ThenBy(x => x.c.Name, StringComparer.Ordinal)
            .Select(x => new PartnerSuggestion(x.c.Id, x.c.Name, x.c.Type, x.c.Province, x.Reason!, routed.Contains(x.c.Id)))
            .ToList();
        db.Audit(actor, "tip.partners_suggested", "tip", tipId, result.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>Routes the tip to a partner organisation (once per partner); the tip is marked passed to a partner.</summary>
    public async Task<TipRouteView> RouteAsync(Actor actor, Guid tipId, Guid? organisationId, string? note, CancellationToken cancellationToken, ValidationErrors? errors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var tip = await TipAccess.FindAsync(db, actor, tipId, cancellationToken);
        errors ??= new ValidationErrors();
        var target = organisationId is null ? null
            : await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => new { o.Id, o.Name, o.Type }).SingleOrDefaultAsync(cancellationToken);
        if (target is null || !PartnerTypes.Contains(target.Type, StringComparer.Ordinal) || target.Id == actor.OrganisationId)
        {
            errors.Add("organisationId", "Required: a partner organisation (police, labour inspection, NGO, shelter, government, trade union).");
        }
        else if (await db.Set<TipRoute>().AnyAsync(r => r.TipId == tipId && r.ToOrganisationId == target.Id, cancellationToken))
        {
            errors.Add("organisationId", "The tip was already routed to this organisation.");
        }

        var text = PersonInput.Text(note, "note", 2000, errors);
        errors.ThrowIfAny();
        var now = clock.GetUtcNow();
        var route = new TipRoute
        {
            TipId = tip.Id, FromOrganisationId = actor.OrganisationId, ToOrganisationId = target!.Id, Note = text, RoutedBy = actor.UserId, RoutedAt = now,
        };
        db.Add(route);
        if (tip.Status != TipStatuses.Closed)
        {
            tip.ChangeStatus(TipStatuses.PassedToPartner, now);
        }

        tip.MarkFirstAction(now);
        tip.UpdatedAt = now;
        tip.ConcurrencyStamp = Guid.NewGuid();
        db.Audit(actor, "tip.routed", "tip", tip.Id, "to organisation " + target.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new TipRouteView(route.Id, target.Id, target.Name, now, null, null);
    }

    /// <summary>The routes of a tip, for the hotline's view of it.</summary>
    internal static async Task<IReadOnlyList<TipRouteView>> RoutesOfAsync(SaphanDbContext db, Guid tipId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<TipRoute>().AsNoTracking().Where(r => r.TipId == tipId).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.ToOrganisationId, Name = db.Organisations.Where(o => o.Id == r.ToOrganisationId).Select(o => o.Name).FirstOrDefault(), r.RoutedAt, r.AcknowledgedAt, r.CaseId, r.LegalCaseId })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TipRouteView(r.Id, r.ToOrganisationId, r.Name ?? "", r.RoutedAt, r.AcknowledgedAt, Outcome(r.CaseId, r.LegalCaseId))).ToList();
    }

    /// <summary>The partner's queue: tips routed to the actor's organisation, unacknowledged first, oldest first.</summary>
    public async Task<IReadOnlyList<RoutedTipSummary>> QueueAsync(Actor actor, CancellationToken cancellationToken)
    {
        EnsurePartner(actor);
        var org = actor.OrganisationId;
        var rows = await db.Set<TipRoute>().AsNoTracking().Where(r => r.ToOrganisationId == org)
            .Join(db.Tips, r => r.TipId, t => t.Id, (r, t) => new
            {
                t.Id, t.Province, t.OccurredWhen, t.ChildrenAtRisk, t.ImminentDanger, r.FromOrganisationId, RouteId = r.Id, r.RoutedAt, r.AcknowledgedAt, r.CaseId, r.LegalCaseId,
                From = db.Organisations.Where(o => o.Id == r.FromOrganisationId).Select(o => o.Name).FirstOrDefault(),
            })
            .OrderBy(r => r.RouteId).Take(500).ToListAsync(cancellationToken);
        db.Audit(actor, "tip.routed_listed", "organisation", org, rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        return rows.OrderBy(r => r.AcknowledgedAt is null ? 0 : 1).ThenByDescending(r => r.ImminentDanger).ThenByDescending(r => r.ChildrenAtRisk)
            .Select(r => new RoutedTipSummary(r.Id, r.Province, r.OccurredWhen, r.ChildrenAtRisk, r.ImminentDanger, r.From ?? "", r.RoutedAt, r.AcknowledgedAt, Outcome(r.CaseId, r.LegalCaseId)))
            .ToList();
    }

    /// <summary>Opens a tip routed to the actor's organisation (audited as a view); any other tip is "not found".</summary>
    public async Task<RoutedTipView> GetAsync(Actor actor, Guid tipId, CancellationToken cancellationToken)
    {
        var (route, tip) = await FindRoutedAsync(actor, tipId, cancellationToken);
        db.Audit(actor, "tip.routed_viewed", "tip", tipId);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(route, tip, cancellationToken);
    }

    /// <summary>The partner confirms it has the tip; the first acknowledgement counts, later ones change nothing.</summary>
    public async Task<RoutedTipView> AcknowledgeAsync(Actor actor, Guid tipId, CancellationToken cancellationToken)
    {
        var (route, tip) = await FindRoutedAsync(actor, tipId, cancellationToken, tracked: true);
        if (route.AcknowledgedAt is null)
        {
            route.AcknowledgedAt = clock.GetUtcNow();
            route.AcknowledgedBy = actor.UserId;
            db.Audit(actor, "tip.acknowledged", "tip", tipId);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await ViewAsync(route, tip, cancellationToken);
    }

    /// <summary>
    /// A case in the partner's organisation from the tip: the tip's province, identification route "hotline", a person
    /// not yet identified. Nothing of the sender is copied (no description, place, contact or notes); the route links back.
    /// </summary>
    public async Task<TipConversion> ConvertToCaseAsync(Actor actor, Guid tipId, CancellationToken cancellationToken)
    {
        CaseAccess.EnsureCanWrite(actor);
        var (route, tip) = await FindRoutedAsync(actor, tipId, cancellationToken, tracked: true);
        EnsureNotConverted(route);
        var now = clock.GetUtcNow();
        var person = new Person { OrganisationId = actor.OrganisationId, GivenName = "Unknown (from a tip)", CreatedAt = now, UpdatedAt = now };
        var @case = new Case
        {
            OrganisationId = actor.OrganisationId, PersonId = person.Id, Person = person, Province = tip.Province, IdentificationRoute = "hotline",
            IdentifiedOn = DateOnly.FromDateTime(now.UtcDateTime), CreatedBy = actor.UserId, CreatedAt = now, UpdatedAt = now,
        };
        db.Persons.Add(person);
        db.Cases.Add(@case);
        Converted(route, now, actor);
        route.CaseId = @case.Id;
        db.Audit(actor, "person.created", "person", person.Id);
        db.Audit(actor, "case.created", "case", @case.Id, "from tip " + tipId.ToString());
        db.Audit(actor, "tip.converted_to_case", "tip", tipId, "case " + @case.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new TipConversion(tipId, @case.Id, null);
    }

    /// <summary>An investigation (a legal case at the investigation stage) in the partner's organisation: law enforcement only.</summary>
    public async Task<TipConversion> ConvertToInvestigationAsync(Actor actor, Guid tipId, string? reference, CancellationToken cancellationToken, ValidationErrors? errors = null)
    {
        JusticeAccess.Ensure(actor);
        var (route, _) = await FindRoutedAsync(actor, tipId, cancellationToken, tracked: true);
        EnsureNotConverted(route);
        errors ??= new ValidationErrors();
        var text = PersonInput.Text(reference, "reference", 100, errors);
        errors.ThrowIfAny();
        var now = clock.GetUtcNow();
        var legal = new LegalCase
        {
            OrganisationId = actor.OrganisationId, Reference = text ?? "TIP-" + tipId.ToString("N")[^8..].ToUpperInvariant(), Stage = "investigation",
            CreatedBy = actor.UserId, CreatedAt = now, StageChangedAt = now,
        };
        db.Add(legal);
        Converted(route, now, actor);
        route.LegalCaseId = legal.Id;
        db.Audit(actor, "legal_case.created", "legal_case", legal.Id, "from tip " + tipId.ToString());
        db.Audit(actor, "tip.converted_to_investigation", "tip", tipId, "legal case " + legal.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new TipConversion(tipId, null, legal.Id);
    }

    internal static string? Outcome(Guid? caseId, Guid? legalCaseId) => caseId is not null ? OutcomeCase : legalCaseId is not null ? OutcomeInvestigation : null;

    private static void EnsurePartner(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.HasAnyRole(PartnerRoles))
        {
            throw new ForbiddenException();
        }
    }

    private static void EnsureNotConverted(TipRoute route)
    {
        if (route.CaseId is not null || route.LegalCaseId is not null)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["tip"] = ["This tip was already turned into a case or an investigation."] });
        }
    }

    private static void Converted(TipRoute route, DateTimeOffset now, Actor actor)
    {
        route.ConvertedAt = now;
        if (route.AcknowledgedAt is null)
        {
            route.AcknowledgedAt = now;
            route.AcknowledgedBy = actor.UserId;
        }
    }

    private async Task<(TipRoute Route, Tip Tip)> FindRoutedAsync(Actor actor, Guid tipId, CancellationToken cancellationToken, bool tracked = false)
    {
        EnsurePartner(actor);
        var routes = tracked ? db.Set<TipRoute>() : db.Set<TipRoute>().AsNoTracking();
        var route = await routes.SingleOrDefaultAsync(r => r.TipId == tipId && r.ToOrganisationId == actor.OrganisationId, cancellationToken)
            ?? throw new NotFoundException("Tip");
        var tip = await db.Tips.AsNoTracking().SingleAsync(t => t.Id == tipId, cancellationToken);
        return (route, tip);
    }

    private async Task<RoutedTipView> ViewAsync(TipRoute r, Tip t, CancellationToken cancellationToken)
    {
        var from = await db.Organisations.AsNoTracking().Where(o => o.Id == r.FromOrganisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
        return new RoutedTipView(t.Id, t.Description, t.Province, t.Place, t.OccurredWhen, t.ChildrenAtRisk, t.ChildrenCount, t.ImminentDanger, from ?? "",
            r.Note, r.RoutedAt, r.AcknowledgedAt, r.CaseId, r.LegalCaseId);
    }
}
