using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Protection;
using Saphan.Linkage.Clks;
using Saphan.Linkage.Matching;

namespace Saphan.Core.Features.Repository;

/// <summary>What a publication sent and what the match run that followed found.</summary>
public sealed record PublishResult(Guid OrganisationId, int Records, string KeyId, DateTimeOffset PublishedAt, MatchRunView? Match);

public sealed record MatchRunView(DateTimeOffset RanAt, int Records, int Clusters, int LinkedClusters, double Threshold, int ElapsedMs, string? Warning);

/// <summary>
/// Publishes an organisation's persons to the repository: each person's identifiers are encoded in the organisation's own
/// scope with the network key, and only the encoding, a pseudonymous record key and de-identified attributes are written.
/// A new publication replaces the organisation's previous one in one transaction (idempotent); then the matcher re-links
/// every organisation's latest records into clusters. Org admins publish their own organisation; the CLI acts as the system.
/// </summary>
public sealed class PublishToRepository(SaphanDbContext db, KeyRing keys, RepositoryOptions options, TimeProvider clock)
{
    /// <param name="key">The network key when the caller has already read it (a batch of publications reads the file once).</param>
    public async Task<PublishResult> HandleAsync(Actor actor, Guid organisationId, CancellationToken cancellationToken, bool relink = true, LinkageKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RepositoryAccess.EnsureCanPublish(actor, organisationId);
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
            ?? throw new NotFoundException("Organisation");
        // The key file is read once per publication: the match run below is told its fingerprint.
        key ??= options.LoadKey();
        var encoder = new ClkEncoder(key);
        using var recordKey = new HMACSHA256(keys.Derive("repository/record-key/v1/" + organisationId.ToString("N")));

        var cases = await db.Cases.AsNoTracking().Include(c => c.Person).ThenInclude(p => p.Documents)
            .Where(c => c.OrganisationId == organisationId).ToListAsync(cancellationToken);
        var exploitation = (await db.TraffickingEvents.AsNoTracking()
                .Where(e => e.OrganisationId == organisationId && e.Type == "exploitation")
                .Select(e => new { e.CaseId, e.ExploitationTypes }).ToListAsync(cancellationToken))
            .GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.SelectMany(e => e.ExploitationTypes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
        var journeys = (await db.Referrals.AsNoTracking()
                .Where(r => r.FromOrganisationId == organisationId && r.SentAt != null)
                .Select(r => new { r.CaseId, r.ServiceType, r.Id }).ToListAsync(cancellationToken))
            .GroupBy(r => r.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Id).Select(r => r.ServiceType).ToList());

        // One record per person: the organisation's first case for them gives the attributes.
        var records = new List<RepositoryRecord>();
        foreach (var group in cases.GroupBy(c => c.PersonId))
        {
            var first = group.OrderBy(c => c.IdentifiedOn).ThenBy(c => c.Id).First();
            var person = first.Person;
            var clk = encoder.Encode(Identifiers(person));
            var bytes = new byte[Clk.ByteCount];
            clk.WriteBytes(bytes);
            records.Add(new RepositoryRecord
            {
                OrganisationId = organisationId,
                RecordKey = Convert.ToHexStringLower(recordKey.ComputeHash(person.Id.ToByteArray())),
                Clk = bytes,
                KeyId = key.Fingerprint,
                OrganisationType = organisation.Type,
                Sex = person.Gender,
                AgeBand = AgeBands.Of(person.AgeOn(first.IdentifiedOn)),
                Nationality = person.Citizenships.FirstOrDefault() ?? "unknown",
                ExploitationTypes = group.SelectMany(c => exploitation.GetValueOrDefault(c.Id) ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                Province = first.Province,
                IdentifiedQuarter = Quarter(first.IdentifiedOn),
                Journey = group.OrderBy(c => c.IdentifiedOn).SelectMany(c => journeys.GetValueOrDefault(c.Id) ?? []).ToList(),
            });
        }

        var now = clock.GetUtcNow();
        await RepositoryMatching.Gate.WaitAsync(cancellationToken);
        try
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await db.RepositoryClusters.Where(c => db.RepositoryRecords.Any(r => r.Id == c.RecordId && r.OrganisationId == organisationId))
                    .ExecuteDeleteAsync(cancellationToken);
                await db.RepositoryRecords.Where(r => r.OrganisationId == organisationId).ExecuteDeleteAsync(cancellationToken);
                // One prepared statement (SQLite) or one binary COPY (PostgreSQL) for every record, not EF's change tracker.
                await Import.BulkInsert<RepositoryRecord>.InsertAllAsync(db, records, cancellationToken);

                var publication = await db.RepositoryPublications.SingleOrDefaultAsync(p => p.OrganisationId == organisationId, cancellationToken);
                if (publication is null)
                {
                    publication = new RepositoryPublication { OrganisationId = organisationId, KeyId = key.Fingerprint };
                    db.RepositoryPublications.Add(publication);
                }

                publication.KeyId = key.Fingerprint;
                publication.Records = records.Count;
                publication.PublishedBy = actor.UserId;
                publication.PublishedAt = now;
                db.Audit(actor, "repository.published", "organisation", organisationId,
                    "records " + records.Count.ToString(CultureInfo.InvariantCulture) + ", key " + key.Fingerprint);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
            // A batch of publications (the CLI's --all) re-links once, after the last.
            var run = relink ? await RepositoryMatching.RunHoldingGateAsync(db, options, clock, cancellationToken, key.Fingerprint) : null;
            return new PublishResult(organisationId, records.Count, key.Fingerprint, now, run);
        }
        finally
        {
            RepositoryMatching.Gate.Release();
        }
    }

    /// <summary>The identifiers that go into the encoding; they never leave this method in clear.</summary>
    internal static PersonIdentifiers Identifiers(Persons.Person person)
    {
        var birth = person.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            ?? (person.EstimatedAge is { } age && person.AgeEstimatedOn is { } on ? (on.Year - age).ToString(CultureInfo.InvariantCulture) : null);
        return new PersonIdentifiers
        {
            // A placeholder is no name: linking on it would join every person opened from a tip.
            GivenName = Persons.PersonNames.IsPlaceholder(person.GivenName) ? null : person.GivenName,
            FamilyName = person.FamilyName,
            BirthDate = birth,
            Sex = person.Gender is "female" or "male" ? person.Gender : null,
            Citizenship = person.Citizenships.FirstOrDefault(c => c != "stateless"),
            IdNumber = person.Documents.OrderBy(d => d.Id).FirstOrDefault()?.Number,
            Phone = person.Phone,
            Address = person.Address,
        };
    }

    internal static string Quarter(DateOnly day) =>
        day.Year.ToString(CultureInfo.InvariantCulture) + "Q" + ((day.Month + 2) / 3).ToString(CultureInfo.InvariantCulture);
}

/// <summary>Re-links every organisation's latest publication into clusters (one per person) and stores them.</summary>
public static class RepositoryMatching
{
    /// <summary>
    /// One change to the repository's records at a time in this process: a publication replaces an organisation's records
    /// and a run reads them all and writes clusters pointing at them, so a run must not see a replacement half-way.
    /// </summary>
    internal static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<MatchRunView> RunAsync(SaphanDbContext db, RepositoryOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            return await RunHoldingGateAsync(db, options, clock, cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// <see cref="RunAsync"/> for a caller that already holds <see cref="Gate"/>; <paramref name="networkKeyId"/> is the
    /// current key's fingerprint when the caller has read the key (otherwise the key file is read here).
    /// </summary>
    internal static async Task<MatchRunView> RunHoldingGateAsync(
        SaphanDbContext db, RepositoryOptions options, TimeProvider clock, CancellationToken cancellationToken, string? networkKeyId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var stopwatch = Stopwatch.StartNew();
        var rows = await db.RepositoryRecords.AsNoTracking()
            .Select(r => new { r.Id, r.OrganisationId, r.Clk, r.KeyId }).ToListAsync(cancellationToken);
        rows = [.. rows.OrderBy(r => r.OrganisationId).ThenBy(r => r.Id)];

        // Only encodings made with one key can be compared: the current network key's, or else the most common one.
        var keyId = networkKeyId ?? options.Fingerprint() ?? rows.GroupBy(r => r.KeyId, StringComparer.Ordinal).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        string? warning = null;
        var others = rows.Where(r => r.KeyId != keyId).ToList();
        if (others.Count > 0)
        {
            warning = string.Create(CultureInfo.InvariantCulture,
                $"{others.Count} records of {others.Select(r => r.OrganisationId).Distinct().Count()} organisation(s) were encoded with a different network key (not {keyId}) and were not linked: those organisations must publish again with the current key.");
        }

        var byOrganisation = rows.Where(r => r.KeyId == keyId).GroupBy(r => r.OrganisationId).ToList();
        var sources = byOrganisation.Select(g => new EncodedSource(
            g.Key.ToString("N"),
            g.Select(r => r.Id.ToString("N")).ToList(),
            g.Select(r => Clk.FromWords(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(r.Clk))).ToList())).ToList();
        var assignments = new List<RepositoryCluster>(rows.Count);
        var linked = 0;
        var clusterNo = 0;
        if (sources.Count > 0)
        {
            foreach (var cluster in Matcher.Match(sources, new MatchOptions { Threshold = options.Threshold, AmbiguityMargin = options.AmbiguityMargin }))
            {
                clusterNo = cluster.Id;
                if (cluster.Members.Count > 1)
                {
                    linked++;
                }

                foreach (var member in cluster.Members)
                {
                    assignments.Add(new RepositoryCluster { RecordId = Guid.ParseExact(sources[member.Source].Ids[member.Index], "N"), ClusterNo = cluster.Id });
                }
            }
        }

        foreach (var other in others)
        {
            assignments.Add(new RepositoryCluster { RecordId = other.Id, ClusterNo = ++clusterNo });
        }

        stopwatch.Stop();
        var run = new RepositoryMatchRun
        {
            RanAt = clock.GetUtcNow(),
            Records = rows.Count,
            Clusters = clusterNo,
            LinkedClusters = linked,
            Threshold = options.Threshold,
            ElapsedMs = (int)stopwatch.ElapsedMilliseconds,
            Warning = warning,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.RepositoryClusters.ExecuteDeleteAsync(cancellationToken);
        await Import.BulkInsert<RepositoryCluster>.InsertAllAsync(db, assignments, cancellationToken);

        db.RepositoryMatchRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return View(run);
    }

    internal static MatchRunView View(RepositoryMatchRun run) =>
        new(run.RanAt, run.Records, run.Clusters, run.LinkedClusters, run.Threshold, run.ElapsedMs, run.Warning);
}

/// <summary>Who may do what in the repository.</summary>
public static class RepositoryAccess
{
    /// <summary>Roles that read the repository's de-identified analysis.</summary>
    public static readonly IReadOnlyList<string> AnalystRoles = [Roles.Analyst, Roles.NetworkAdmin];

    /// <summary>An organisation's admin publishes (and sets opt-in for) their own organisation only.</summary>
    public static readonly IReadOnlyList<string> PublisherRoles = [Roles.OrgAdmin];

    public static void EnsureCanPublish(Actor actor, Guid organisationId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ReferenceEquals(actor, Actor.System))
        {
            return;
        }

        if (!actor.HasAnyRole(PublisherRoles) || actor.OrganisationId != organisationId)
        {
            throw new ForbiddenException();
        }
    }

    public static void EnsureAnalyst(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.HasAnyRole(AnalystRoles))
        {
            throw new ForbiddenException();
        }
    }
}
