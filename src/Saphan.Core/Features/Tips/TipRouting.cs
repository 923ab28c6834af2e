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
    /// <summary>The sender took the tip back: the partner's access ended at this moment.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    public Guid? WithdrawnBy { get; set; }
    /// <summary>Why the sender withdrew it: free text, encrypted.</summary>
    public string? WithdrawReason { get; set; }
    /// <summary>The partner's answer: <see cref="TipRouting.ReplyAccepted"/> or <see cref="TipRouting.ReplyDeclined"/>.</summary>
    public string? Reply { get; set; }
    /// <summary>Why the partner declined: free text, encrypted.</summary>
    public string? ReplyReason { get; set; }
    /// <summary>A note from the partner to the sender: free text, encrypted.</summary>
    public string? ReplyNote { get; set; }
    public Guid? RepliedBy { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }

    /// <summary>routed → acknowledged → accepted | declined; withdrawn by the sender at any time.</summary>
    public string State => WithdrawnAt is not null ? TipRouteStates.Withdrawn
        : Reply ?? (AcknowledgedAt is not null ? TipRouteStates.Acknowledged : TipRouteStates.Routed);
}

/// <summary>The states of a route to a partner, as both sides see them.</summary>
public static class TipRouteStates
{
    public const string Routed = "routed";
    public const string Acknowledged = "acknowledged";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Withdrawn = "withdrawn";

    internal static string Of(DateTimeOffset? withdrawnAt, string? reply, DateTimeOffset? acknowledgedAt) =>
        withdrawnAt is not null ? Withdrawn : reply ?? (acknowledgedAt is not null ? Acknowledged : Routed);
}

/// <summary>The kinds of tip a partner may declare it takes (none declared: every kind), derived from the tip's flags.</summary>
public static class TipCoverageTypes
{
    public const string ChildrenAtRisk = "children_at_risk";
    public const string ImminentDanger = "imminent_danger";
    public const string Other = "other";

    public static readonly ValueSet All = new("tipCoverageType",
    [
        new(ChildrenAtRisk, "Children at risk", "เด็กตกอยู่ในความเสี่ยง"),
        new(ImminentDanger, "Someone in danger now", "มีผู้ตกอยู่ในอันตรายขณะนี้"),
        new(Other, "Other tips (adults, no immediate danger)", "เบาะแสอื่น (ผู้ใหญ่ ไม่มีอันตรายเฉพาะหน้า)"),
    ]);

    /// <summary>The kinds a tip is: each of its flags, or "other" when it has none.</summary>
    public static IReadOnlyList<string> Of(bool childrenAtRisk, bool imminentDanger)
    {
        var kinds = new List<string>(2);
        if (childrenAtRisk)
        {
            kinds.Add(ChildrenAtRisk);
        }

        if (imminentDanger)
        {
            kinds.Add(ImminentDanger);
        }

        if (kinds.Count == 0)
        {
            kinds.Add(Other);
        }

        return kinds;
    }
}

/// <summary>A kind of tip an organisation declares it takes (see <see cref="TipCoverageTypes"/>).</summary>
public sealed class OrganisationTipType
{
    public Guid OrganisationId { get; init; }
    public required string TipType { get; init; }
}

/// <summary>An organisation's declared coverage for tip routing.</summary>
public sealed record CoverageView(Guid OrganisationId, string OrganisationType, bool IsPartner, IReadOnlyList<string> Provinces, IReadOnlyList<string> TipTypes);

public sealed record PartnerSuggestion(Guid OrganisationId, string Name, string Type, string? Province, string Reason, bool AlreadyRouted);
public sealed record TipRouteView(Guid Id, Guid OrganisationId, string OrganisationName, DateTimeOffset RoutedAt, DateTimeOffset? AcknowledgedAt, string? Outcome)
{
    /// <summary>routed, acknowledged, accepted, declined or withdrawn.</summary>
    public string State { get; init; } = TipRouteStates.Routed;
    public string? ReplyReason { get; init; }
    public string? ReplyNote { get; init; }
    public DateTimeOffset? RepliedAt { get; init; }
    public DateTimeOffset? WithdrawnAt { get; init; }
}
/// <summary>A routed tip in the partner's queue: no free text.</summary>
public sealed record RoutedTipSummary(Guid TipId, string Province, string OccurredWhen, bool ChildrenAtRisk, bool ImminentDanger, string FromOrganisation,
    DateTimeOffset RoutedAt, DateTimeOffset? AcknowledgedAt, string? Outcome);
/// <summary>What the partner sees of a routed tip: what happened, where and when; never the sender's contact or notes.</summary>
public sealed record RoutedTipView(Guid TipId, string Description, string Province, string? Place, string OccurredWhen, bool ChildrenAtRisk, int? ChildrenCount,
    bool ImminentDanger, string FromOrganisation, string? RouteNote, DateTimeOffset RoutedAt, DateTimeOffset? AcknowledgedAt, Guid? CaseId, Guid? LegalCaseId)
{
    public string State { get; init; } = TipRouteStates.Routed;
    public string? ReplyReason { get; init; }
    public string? ReplyNote { get; init; }
    public DateTimeOffset? RepliedAt { get; init; }
}
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
            encrypt(e.Property(r => r.WithdrawReason!), "tip_route.withdraw_reason");
            encrypt(e.Property(r => r.ReplyReason!), "tip_route.reply_reason");
            encrypt(e.Property(r => r.ReplyNote!), "tip_route.reply_note");
            e.Property(r => r.Reply).HasMaxLength(16);
            e.Ignore(r => r.State);
        });
        builder.Entity<OrganisationTipType>(e =>
        {
            e.ToTable("organisation_tip_types");
            e.HasKey(c => new { c.OrganisationId, c.TipType });
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.Property(c => c.TipType).HasMaxLength(32);
        });
    }

    public const string ReplyAccepted = TipRouteStates.Accepted;
    public const string ReplyDeclined = TipRouteStates.Declined;

    /// <summary>Whether the actor may edit the coverage of their organisation: its admin, for a partner organisation.</summary>
    public static bool CanEditCoverage(Actor actor) => actor is not null && actor.HasAnyRole([Roles.OrgAdmin]);

    /// <summary>The organisation's declared provinces and tip types (org admins of the organisation).</summary>
    public async Task<CoverageView> GetCoverageAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!CanEditCoverage(actor))
        {
            throw new ForbiddenException();
        }

        var type = await db.Organisations.AsNoTracking().Where(o => o.Id == actor.OrganisationId).Select(o => o.Type).SingleAsync(cancellationToken);
        var provinces = await db.Set<OrganisationCoverage>().AsNoTracking().Where(c => c.OrganisationId == actor.OrganisationId).Select(c => c.Province).ToListAsync(cancellationToken);
        var tipTypes = await db.Set<OrganisationTipType>().AsNoTracking().Where(c => c.OrganisationId == actor.OrganisationId).Select(c => c.TipType).ToListAsync(cancellationToken);
        return new CoverageView(actor.OrganisationId, type, PartnerTypes.Contains(type, StringComparer.Ordinal),
            [.. provinces.Order(StringComparer.Ordinal)], [.. TipCoverageTypes.All.Values.Select(v => v.Code).Where(tipTypes.Contains)]);
    }

    /// <summary>Replaces the organisation's declared provinces and tip types (org admins of a partner organisation), audited.</summary>
    public async Task<CoverageView> SaveCoverageAsync(Actor actor, IReadOnlyCollection<string>? provinces, IReadOnlyCollection<string>? tipTypes, CancellationToken cancellationToken, ValidationErrors? errors = null)
    {
        var current = await GetCoverageAsync(actor, cancellationToken);
        errors ??= new ValidationErrors();
        if (!current.IsPartner)
        {
            errors.Add("organisation", "Only partner organisations (police, labour inspection, NGO, shelter, government, trade union) receive routed tips.");
        }

        var cleanProvinces = (provinces ?? []).Select(p => p?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (cleanProvinces.Any(p => !Provinces.IsKnown(p)))
        {
            errors.Add("provinces", "Not an ISO 3166-2:TH province code (e.g. TH-10 for Bangkok).");
        }

        var cleanTypes = (tipTypes ?? []).Select(t => t?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (cleanTypes.Any(t => !TipCoverageTypes.All.Contains(t)))
        {
            errors.Add("tipTypes", "Use any of: " + string.Join(", ", TipCoverageTypes.All.Values.Select(v => v.Code)) + ".");
        }

        errors.ThrowIfAny();
        db.RemoveRange(await db.Set<OrganisationCoverage>().Where(c => c.OrganisationId == actor.OrganisationId).ToListAsync(cancellationToken));
        db.RemoveRange(await db.Set<OrganisationTipType>().Where(c => c.OrganisationId == actor.OrganisationId).ToListAsync(cancellationToken));
        db.AddRange(cleanProvinces.Select(p => new OrganisationCoverage { OrganisationId = actor.OrganisationId, Province = p }));
        db.AddRange(cleanTypes.Select(t => new OrganisationTipType { OrganisationId = actor.OrganisationId, TipType = t }));
        db.Audit(actor, "organisation.coverage_changed", "organisation", actor.OrganisationId,
            cleanProvinces.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " provinces; tip types " + (cleanTypes.Count == 0 ? "all" : string.Join(",", cleanTypes)));
        await db.SaveChangesAsync(cancellationToken);
        return await GetCoverageAsync(actor, cancellationToken);
    }

    /// <summary>
    /// The sender takes a route back (hotline triage roles of the routing organisation), with a reason. The partner's
    /// access to the tip ends at once: its queue, the tip and every action on it answer "not found" from then on.
    /// A case or investigation the partner already opened stays theirs. Audited.
    /// </summary>
    public async Task<TipRouteView> WithdrawAsync(Actor actor, Guid routeId, string? reason, CancellationToken cancellationToken, ValidationErrors? errors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var tipId = await db.Set<TipRoute>().AsNoTracking().Where(r => r.Id == routeId && r.FromOrganisationId == actor.OrganisationId).Select(r => (Guid?)r.TipId)
            .SingleOrDefaultAsync(cancellationToken);
        // TipAccess decides: the hotline's triage roles only (403 for other roles, 404 for another organisation's tip).
        var tip = await TipAccess.FindAsync(db, actor, tipId ?? Guid.Empty, cancellationToken);
        var route = await db.Set<TipRoute>().SingleAsync(r => r.Id == routeId, cancellationToken);
        errors ??= new ValidationErrors();
        var text = PersonInput.Text(reason, "reason", 2000, errors);
        if (text is null && !errors.ToDictionary().ContainsKey("reason"))
        {
            errors.Add("reason", "Required: why the tip is taken back.");
        }

        if (route.WithdrawnAt is not null)
        {
            errors.Add("route", "This route was already withdrawn.");
        }

        errors.ThrowIfAny();
        var now = clock.GetUtcNow();
        route.WithdrawnAt = now;
        route.WithdrawnBy = actor.UserId;
        route.WithdrawReason = text;
        tip.MarkFirstAction(now);
        tip.UpdatedAt = now;
        db.Audit(actor, "tip.route_withdrawn", "tip", tip.Id, "route " + route.Id.ToString() + " to organisation " + route.ToOrganisationId.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return (await RoutesOfAsync(db, tip.Id, cancellationToken)).Single(r => r.Id == route.Id);
    }

    /// <summary>
    /// The partner answers the sender: accepted, or declined with a reason; an optional note either way. A later reply
    /// replaces the earlier one (each audited); a declined tip cannot then be turned into a case or investigation.
    /// </summary>
    public async Task<RoutedTipView> ReplyAsync(Actor actor, Guid tipId, string? decision, string? reason, string? note, CancellationToken cancellationToken, ValidationErrors? errors = null)
    {
        var (route, tip) = await FindRoutedAsync(actor, tipId, cancellationToken, tracked: true);
        errors ??= new ValidationErrors();
        if (decision is not (ReplyAccepted or ReplyDeclined))
        {
            errors.Add("decision", "Use one of: accepted, declined.");
        }

        var why = PersonInput.Text(reason, "reason", 2000, errors);
        if (decision == ReplyDeclined && why is null && !errors.ToDictionary().ContainsKey("reason"))
        {
            errors.Add("reason", "Required when declining: say why (e.g. not our area, route elsewhere).");
        }

        var text = PersonInput.Text(note, "note", 2000, errors);
        if (decision == ReplyDeclined && (route.CaseId is not null || route.LegalCaseId is not null))
        {
            errors.Add("decision", "The tip was already turned into a case or an investigation: it cannot be declined.");
        }

        errors.ThrowIfAny();
        var now = clock.GetUtcNow();
        route.Reply = decision;
        route.ReplyReason = why;
        route.ReplyNote = text;
        route.RepliedAt = now;
        route.RepliedBy = actor.UserId;
        if (route.AcknowledgedAt is null)
        {
            route.AcknowledgedAt = now;
            route.AcknowledgedBy = actor.UserId;
        }

        db.Audit(actor, "tip.route_" + decision, "tip", tipId, "route " + route.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(route, tip, cancellationToken);
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
    /// that offer a service there (service directory), or that are based there. Optionally one type only. Audited as
    /// <c>tip.partners_suggested</c> unless the caller already audited its read of the tip (the tip page: <c>tip.viewed</c>).
    /// </summary>
    public async Task<IReadOnlyList<PartnerSuggestion>> SuggestAsync(Actor actor, Guid tipId, string? type, CancellationToken cancellationToken, bool audit = true)
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
        // An organisation that declared tip types is suggested only for tips of those kinds.
        var kinds = TipCoverageTypes.Of(tip.ChildrenAtRisk, tip.ImminentDanger);
        var declaredTypes = (await db.Set<OrganisationTipType>().AsNoTracking().ToListAsync(cancellationToken)).ToLookup(t => t.OrganisationId, t => t.TipType);
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
            .Where(x => !declaredTypes.Contains(x.c.Id) || declaredTypes[x.c.Id].Any(kinds.Contains))
            .OrderBy(x => order.IndexOf(x.c.Type))
            .ThenBy(x => x.Reason switch { "coverage" => 0, "service" => 1, _ => 2 })
            .ThenBy(x => x.c.Name, StringComparer.Ordinal)
            .Select(x => new PartnerSuggestion(x.c.Id, x.c.Name, x.c.Type, x.c.Province, x.Reason!, routed.Contains(x.c.Id)))
            .ToList();
        if (audit)
        {
            db.Audit(actor, "tip.partners_suggested", "tip", tipId, result.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(cancellationToken);
        }

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
            .Select(r => new { r.Id, r.ToOrganisationId, Name = db.Organisations.Where(o => o.Id == r.ToOrganisationId).Select(o => o.Name).FirstOrDefault(), r.RoutedAt, r.AcknowledgedAt, r.CaseId, r.LegalCaseId,
                r.WithdrawnAt, r.Reply, r.ReplyReason, r.ReplyNote, r.RepliedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TipRouteView(r.Id, r.ToOrganisationId, r.Name ?? "", r.RoutedAt, r.AcknowledgedAt, Outcome(r.CaseId, r.LegalCaseId))
        {
            State = TipRouteStates.Of(r.WithdrawnAt, r.Reply, r.AcknowledgedAt), ReplyReason = r.ReplyReason, ReplyNote = r.ReplyNote, RepliedAt = r.RepliedAt, WithdrawnAt = r.WithdrawnAt,
        }).ToList();
    }

    /// <summary>The partner's queue: tips routed to the actor's organisation, unacknowledged first, oldest first.</summary>
    public async Task<IReadOnlyList<RoutedTipSummary>> QueueAsync(Actor actor, CancellationToken cancellationToken)
    {
        EnsurePartner(actor);
        var org = actor.OrganisationId;
        var rows = await db.Set<TipRoute>().AsNoTracking().Where(r => r.ToOrganisationId == org && r.WithdrawnAt == null)
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
        var person = new Person { OrganisationId = actor.OrganisationId, GivenName = PersonNames.FromTipMarker, CreatedAt = now, UpdatedAt = now };
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
        if (route.Reply == ReplyDeclined)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["tip"] = ["You declined this tip: accept it first to open a case or an investigation."] });
        }

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
        // A withdrawn route gives nothing: the partner's access ended when the sender withdrew it.
        var route = await routes.SingleOrDefaultAsync(r => r.TipId == tipId && r.ToOrganisationId == actor.OrganisationId && r.WithdrawnAt == null, cancellationToken)
            ?? throw new NotFoundException("Tip");
        var tip = await db.Tips.AsNoTracking().SingleAsync(t => t.Id == tipId, cancellationToken);
        return (route, tip);
    }

    private async Task<RoutedTipView> ViewAsync(TipRoute r, Tip t, CancellationToken cancellationToken)
    {
        var from = await db.Organisations.AsNoTracking().Where(o => o.Id == r.FromOrganisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
        return new RoutedTipView(t.Id, t.Description, t.Province, t.Place, t.OccurredWhen, t.ChildrenAtRisk, t.ChildrenCount, t.ImminentDanger, from ?? "",
            r.Note, r.RoutedAt, r.AcknowledgedAt, r.CaseId, r.LegalCaseId)
        {
            State = r.State, ReplyReason = r.ReplyReason, ReplyNote = r.ReplyNote, RepliedAt = r.RepliedAt,
        };
    }
}
