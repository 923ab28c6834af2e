using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Protection;

namespace Saphan.Core.Features.Justice;

public sealed record SuspectInput(string? Kind, string? Name, List<string>? Roles, string? Notes);
public sealed record IdentifierInput(string? Type, string? Value);
public sealed record SuspectLinkInput(Guid? CaseId, Guid? OtherSuspectId, Guid? LegalCaseId);

public sealed record IdentifierView(Guid Id, string Type, string Value);
public sealed record SuspectLinkView(Guid Id, Guid? CaseId, Guid? OtherSuspectId, Guid? LegalCaseId);
public sealed record SuspectView(Guid Id, string Kind, string Name, IReadOnlyList<string> Roles, string? Notes,
    IReadOnlyList<IdentifierView> Identifiers, IReadOnlyList<SuspectLinkView> Links, DateTimeOffset CreatedAt);
public sealed record SuspectSummary(Guid Id, string Kind, string Name, IReadOnlyList<string> Roles);

public sealed record NetworkNode(Guid Id, string Kind, string Name, IReadOnlyList<string> Roles, IReadOnlyList<Guid> CaseIds);
/// <summary>Two suspects linked: through identifiers they share (by type, never the value) or a recorded link.</summary>
public sealed record NetworkEdge(Guid From, Guid To, IReadOnlyList<string> SharedIdentifierTypes, bool Recorded);
public sealed record NetworkView(IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkEdge> Edges);

/// <summary>
/// Suspects, their identifiers and links, and the network they form. Every read and change is audited.
/// Identifiers are matched through keyed hashes (<see cref="BlindIndex"/>): the network never decrypts
/// identifier values, it groups their hashes in the database.
/// </summary>
public sealed class Suspects(SaphanDbContext db, BlindIndex index, TimeProvider clock)
{
    public const string HashKind = "suspect-identifier";

    /// <summary>The normalised form an identifier is matched on: phones on their last nine digits, the rest letters and digits.</summary>
    public static string MatchKey(string type, string value) =>
        type == "phone" ? BlindIndex.PhoneKey(value) : BlindIndex.Compact(value);

    public async Task<SuspectView> CreateAsync(Actor actor, SuspectInput input, CancellationToken cancellationToken, ValidationErrors? errors = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        JusticeAccess.Ensure(actor);
        errors ??= new ValidationErrors();
        var kind = JusticeInput.Code("perpetrator.kind", "kind", input.Kind, errors, required: true);
        var name = JusticeInput.Text(input.Name, "name", 200, errors, required: true);
        var roles = JusticeInput.Codes("perpetrator.roles", "roles", input.Roles, errors);
        var notes = JusticeInput.Text(input.Notes, "notes", 4000, errors);
        errors.ThrowIfAny();
        var suspect = new Suspect
        {
            OrganisationId = actor.OrganisationId, Kind = kind!, Name = name!, Roles = roles, Notes = notes,
            CreatedBy = actor.UserId, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(suspect);
        db.Audit(actor, "suspect.created", "suspect", suspect.Id);
        await db.SaveChangesAsync(cancellationToken);
        return View(suspect, [], []);
    }

    public async Task<IReadOnlyList<SuspectSummary>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        JusticeAccess.Ensure(actor);
        var list = await db.Set<Suspect>().AsNoTracking().Where(s => s.OrganisationId == actor.OrganisationId)
            .OrderBy(s => s.Id).Take(500).ToListAsync(cancellationToken);
        db.Audit(actor, "suspect.listed", "organisation", actor.OrganisationId, list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " suspects");
        await db.SaveChangesAsync(cancellationToken);
        return list.Select(s => new SuspectSummary(s.Id, s.Kind, s.Name, s.Roles)).ToList();
    }

    public async Task<SuspectView> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        var suspect = await FindAsync(actor, id, cancellationToken, allowShared: true);
        var identifiers = await db.Set<SuspectIdentifier>().AsNoTracking().Where(i => i.SuspectId == id).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var links = await db.Set<SuspectLink>().AsNoTracking().Where(l => l.SuspectId == id || l.OtherSuspectId == id).OrderBy(l => l.Id).ToListAsync(cancellationToken);
        if (suspect.OrganisationId != actor.OrganisationId)
        {
            // A shared reader learns the suspect's legal cases, not the owner's victims' cases or other suspects.
            links = links.Where(l => l.LegalCaseId is not null).ToList();
        }

        db.Audit(actor, "suspect.viewed", "suspect", id, suspect.OrganisationId != actor.OrganisationId ? "shared" : null);
        await db.SaveChangesAsync(cancellationToken);
        return View(suspect, identifiers, links.Select(l => l.OtherSuspectId == id ? new SuspectLinkView(l.Id, l.CaseId, l.SuspectId, l.LegalCaseId) : Link(l)).ToList());
    }

    public async Task<IdentifierView> AddIdentifierAsync(Actor actor, Guid id, IdentifierInput input, CancellationToken cancellationToken, ValidationErrors? errors = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var suspect = await FindAsync(actor, id, cancellationToken);
        errors ??= new ValidationErrors();
        var type = JusticeInput.Code("perpetrator.identifierType", "type", input.Type, errors, required: true);
        var value = JusticeInput.Text(input.Value, "value", 200, errors, required: true);
        var key = type is null || value is null ? "" : MatchKey(type, value);
        if (type is not null && value is not null && key.Length < 3)
        {
            errors.Add("value", "Too short to identify anything once spaces and punctuation are removed.");
        }

        errors.ThrowIfAny();
        var identifier = new SuspectIdentifier
        {
            OrganisationId = suspect.OrganisationId, SuspectId = suspect.Id, Type = type!, Value = value!,
            Hash = index.Hash(HashKind, type + ":" + key), CreatedAt = clock.GetUtcNow(),
        };
        db.Add(identifier);
        db.Audit(actor, "suspect.identifier_added", "suspect", suspect.Id, type);
        await db.SaveChangesAsync(cancellationToken);
        return new IdentifierView(identifier.Id, identifier.Type, identifier.Value);
    }

    public async Task<SuspectLinkView> AddLinkAsync(Actor actor, Guid id, SuspectLinkInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var suspect = await FindAsync(actor, id, cancellationToken);
        var errors = new ValidationErrors();
        var targets = new[] { input.CaseId, input.OtherSuspectId, input.LegalCaseId }.Count(t => t is not null);
        if (targets != 1)
        {
            errors.Add("caseId", "Give exactly one of caseId, otherSuspectId or legalCaseId.");
        }

        // Targets must be this organisation's: another organisation's record is reported as not found.
        if (input.CaseId is { } caseId && !await db.Cases.AnyAsync(c => c.Id == caseId && c.OrganisationId == actor.OrganisationId, cancellationToken))
        {
            errors.Add("caseId", "No such case in your organisation.");
        }

        if (input.OtherSuspectId is { } otherId && (otherId == id || !await db.Set<Suspect>().AnyAsync(s => s.Id == otherId && s.OrganisationId == actor.OrganisationId, cancellationToken)))
        {
            errors.Add("otherSuspectId", "No such other suspect in your organisation.");
        }

        if (input.LegalCaseId is { } legalId && !await db.Set<LegalCase>().AnyAsync(l => l.Id == legalId && l.OrganisationId == actor.OrganisationId, cancellationToken))
        {
            errors.Add("legalCaseId", "No such legal case in your organisation.");
        }

        errors.ThrowIfAny();
        var link = new SuspectLink
        {
            OrganisationId = suspect.OrganisationId, SuspectId = suspect.Id, CaseId = input.CaseId, OtherSuspectId = input.OtherSuspectId,
            LegalCaseId = input.LegalCaseId, CreatedBy = actor.UserId, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(link);
        db.Audit(actor, "suspect.linked", "suspect", suspect.Id);
        await db.SaveChangesAsync(cancellationToken);
        return Link(link);
    }

    /// <summary>
    /// Who is linked to whom in the organisation: suspects sharing an identifier hash (found by grouping hashes in
    /// the database) or joined by a recorded link. With <paramref name="focus"/>, only that suspect's connected group.
    /// </summary>
    public async Task<NetworkView> NetworkAsync(Actor actor, Guid? focus, CancellationToken cancellationToken)
    {
        JusticeAccess.Ensure(actor);
        var org = actor.OrganisationId;
        if (focus is { } focusId && !await db.Set<Suspect>().AnyAsync(s => s.Id == focusId && s.OrganisationId == org, cancellationToken))
        {
            throw new NotFoundException("Suspect");
        }

        var identifiers = db.Set<SuspectIdentifier>().Where(i => i.OrganisationId == org);
        var sharedHashes = identifiers.GroupBy(i => i.Hash).Where(g => g.Select(i => i.SuspectId).Distinct().Count() > 1).Select(g => g.Key);
        var shared = await identifiers.Where(i => sharedHashes.Contains(i.Hash))
            .Select(i => new { i.Hash, i.Type, i.SuspectId }).ToListAsync(cancellationToken);
        var recorded = await db.Set<SuspectLink>().AsNoTracking().Where(l => l.OrganisationId == org && l.OtherSuspectId != null)
            .Select(l => new { l.SuspectId, Other = l.OtherSuspectId!.Value }).ToListAsync(cancellationToken);

        var edges = new Dictionary<(Guid, Guid), (SortedSet<string> Types, bool Recorded)>();
        static (Guid, Guid) Key(Guid a, Guid b) => a.CompareTo(b) < 0 ? (a, b) : (b, a);
        foreach (var group in shared.GroupBy(s => s.Hash))
        {
            var members = group.Select(g => g.SuspectId).Distinct().ToList();
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    var key = Key(members[i], members[j]);
                    var edge = edges.TryGetValue(key, out var e) ? e : (Types: new SortedSet<string>(StringComparer.Ordinal), Recorded: false);
                    edge.Types.Add(group.First().Type);
                    edges[key] = edge;
                }
            }
        }

        foreach (var link in recorded)
        {
            var key = Key(link.SuspectId, link.Other);
            edges[key] = edges.TryGetValue(key, out var e) ? (e.Types, true) : (new SortedSet<string>(StringComparer.Ordinal), true);
        }

        var nodeIds = edges.Keys.SelectMany(k => new[] { k.Item1, k.Item2 }).ToHashSet();
        if (focus is { } start)
        {
            var reached = new HashSet<Guid> { start };
            var queue = new Queue<Guid>([start]);
            while (queue.TryDequeue(out var current))
            {
                foreach (var (a, b) in edges.Keys.Where(k => k.Item1 == current || k.Item2 == current))
                {
                    var next = a == current ? b : a;
                    if (reached.Add(next))
                    {
                        queue.Enqueue(next);
                    }
                }
            }

            nodeIds = reached;
        }

        var suspects = await db.Set<Suspect>().AsNoTracking().Where(s => s.OrganisationId == org && nodeIds.Contains(s.Id)).ToListAsync(cancellationToken);
        var caseLinks = await db.Set<SuspectLink>().AsNoTracking().Where(l => l.OrganisationId == org && l.CaseId != null && nodeIds.Contains(l.SuspectId))
            .Select(l => new { l.SuspectId, CaseId = l.CaseId!.Value }).ToListAsync(cancellationToken);
        var nodes = suspects.OrderBy(s => s.Id).Select(s => new NetworkNode(s.Id, s.Kind, s.Name, s.Roles,
            caseLinks.Where(c => c.SuspectId == s.Id).Select(c => c.CaseId).Distinct().ToList())).ToList();
        var edgeList = edges.Where(e => nodeIds.Contains(e.Key.Item1) && nodeIds.Contains(e.Key.Item2))
            .Select(e => new NetworkEdge(e.Key.Item1, e.Key.Item2, e.Value.Types.ToList(), e.Value.Recorded)).ToList();
        db.Audit(actor, "suspect.network_viewed", focus is null ? "organisation" : "suspect", focus ?? org, nodes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " nodes");
        await db.SaveChangesAsync(cancellationToken);
        return new NetworkView(nodes, edgeList);
    }

    /// <summary>
    /// The actor's own suspect; with <paramref name="allowShared"/> also a suspect linked to a legal case shared with the
    /// actor's organisation (reads only; the share's revocation ends it at once).
    /// </summary>
    private async Task<Suspect> FindAsync(Actor actor, Guid id, CancellationToken cancellationToken, bool allowShared = false)
    {
        JusticeAccess.Ensure(actor);
        var shared = LegalCaseSharing.SharedWith(db, actor.OrganisationId);
        var viaShare = db.Set<SuspectLink>().Where(k => k.LegalCaseId != null && shared.Contains(k.LegalCaseId.Value)).Select(k => k.SuspectId);
        return await db.Set<Suspect>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == id && (s.OrganisationId == actor.OrganisationId || (allowShared && viaShare.Contains(s.Id))), cancellationToken)
            ?? throw new NotFoundException("Suspect");
    }

    private static SuspectLinkView Link(SuspectLink l) => new(l.Id, l.CaseId, l.OtherSuspectId, l.LegalCaseId);

    private static SuspectView View(Suspect s, IReadOnlyList<SuspectIdentifier> identifiers, IReadOnlyList<SuspectLinkView> links) =>
        new(s.Id, s.Kind, s.Name, s.Roles, s.Notes, identifiers.Select(i => new IdentifierView(i.Id, i.Type, i.Value)).ToList(), links, s.CreatedAt);
}
