using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Screenings;

namespace Saphan.Core.Features.FieldSync;

/// <summary>
/// Receives one entry of the offline field form: a new person with their case, a screening, or an edit made
/// offline. The device's id for the entry makes it idempotent within the organisation: the first delivery
/// makes the record, every later one (a resend after a dropped answer, a retry, a double tap) answers the same
/// record and makes nothing. The whole entry is one transaction. An edit carries the version it was based
/// on; when the case changed since, nothing is written and the answer shows both sides (never a silent overwrite).
/// </summary>
public sealed class SyncFieldEntry(SaphanDbContext db, CreateCase create, UpdateCase update, RecordScreening screen, GetCase get, TimeProvider clock)
{
    // Namespace of the PostgreSQL advisory locks taken per (organisation, device id); the two-key form has its own key space.
    private const int LockClass = 0x5F1E;

    public async Task<FieldSyncResult> HandleAsync(Actor actor, JsonElement body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        CaseAccess.EnsureCanWrite(actor);
        var entry = FieldEntryInput.Read(body);
        var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body)));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.IsPostgres)
        {
            // Two deliveries of one entry at once: the second waits here and then finds the first's record.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [LockClass, LockKey(actor.OrganisationId, entry.ClientId)], cancellationToken);
        }

        if (await FindAsync(actor.OrganisationId, entry.ClientId, cancellationToken) is { } earlier)
        {
            return Again(earlier, hash);
        }

        FieldEntry received;
        try
        {
            received = entry.Kind switch
            {
                FieldEntryKinds.Intake => await IntakeAsync(actor, entry, hash, cancellationToken),
                FieldEntryKinds.Screening => await ScreeningAsync(actor, entry, hash, cancellationToken),
                _ => await EditAsync(actor, entry, hash, transaction, cancellationToken),
            };
            db.Set<FieldEntry>().Add(received);
            db.Audit(actor, "field_entry.received", "field_entry", received.Id, received.Kind + " " + received.CaseId);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException unique) when (unique is not DbUpdateConcurrencyException)
        {
            // A delivery of the same entry won the race on another connection: answer its record.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await FindAsync(actor.OrganisationId, entry.ClientId, cancellationToken) is { } winner)
            {
                return Again(winner, hash);
            }

            throw;
        }

        return new FieldSyncResult(entry.ClientId, received.Kind, received.RecordId, received.CaseId, received.ResultVersion, AlreadyReceived: false);
    }

    private Task<FieldEntry?> FindAsync(Guid organisationId, Guid clientId, CancellationToken cancellationToken) =>
        db.Set<FieldEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.OrganisationId == organisationId && e.ClientId == clientId, cancellationToken);

    private static FieldSyncResult Again(FieldEntry earlier, string hash) => earlier.PayloadHash == hash
        ? new FieldSyncResult(earlier.ClientId, earlier.Kind, earlier.RecordId, earlier.CaseId, earlier.ResultVersion, AlreadyReceived: true)
        : throw new FieldEntryRefusedException("This entry id was already used for a different entry: give each entry its own id.");

    private async Task<FieldEntry> IntakeAsync(Actor actor, FieldEntryInput entry, string hash, CancellationToken cancellationToken)
    {
        var created = await create.HandleAsync(actor, entry.Case!, cancellationToken);
        return NewEntry(actor, entry, hash, created.Id, created.Id, await VersionOfAsync(created.Id, cancellationToken));
    }

    private async Task<FieldEntry> ScreeningAsync(Actor actor, FieldEntryInput entry, string hash, CancellationToken cancellationToken)
    {
        var caseId = await CaseOfAsync(actor, entry, cancellationToken);
        var recorded = await screen.HandleAsync(actor, caseId, entry.Screening!, cancellationToken);
        return NewEntry(actor, entry, hash, recorded.Id, caseId, null);
    }

    private async Task<FieldEntry> EditAsync(Actor actor, FieldEntryInput entry, string hash,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var caseId = await CaseOfAsync(actor, entry, cancellationToken);
        var current = await CaseAccess.Readable(db, actor).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new NotFoundException("Case");
        if (current.ConcurrencyStamp != entry.BaseVersion)
        {
            var server = await get.HandleAsync(actor, caseId, cancellationToken);
            // The only write so far is the audit of that view: keep it.
            await transaction.CommitAsync(cancellationToken);
            throw new FieldConflictException(caseId, current.ConcurrencyStamp, FieldConflict.Compare(entry.CaseBody!.Value, entry.Base,
                JsonSerializer.SerializeToElement(server, JsonSerializerOptions.Web)));
        }

        // UpdateCase reads this same tracked case; its save then requires the row to still carry the base version,
        // so a change committed by someone else in between fails as a concurrency conflict instead of being overwritten.
        db.Entry(current).Property(c => c.ConcurrencyStamp).OriginalValue = entry.BaseVersion!.Value;
        await update.HandleAsync(actor, caseId, entry.Case!, cancellationToken);
        return NewEntry(actor, entry, hash, caseId, caseId, await VersionOfAsync(caseId, cancellationToken));
    }

    private async Task<Guid> CaseOfAsync(Actor actor, FieldEntryInput entry, CancellationToken cancellationToken)
    {
        if (entry.CaseId is { } id)
        {
            return id;
        }

        // A screening or edit about a person entered on the device before: their intake entry must have arrived.
        var intake = await db.Set<FieldEntry>().AsNoTracking()
            .SingleOrDefaultAsync(e => e.OrganisationId == actor.OrganisationId && e.ClientId == entry.CaseClientId && e.Kind == FieldEntryKinds.Intake, cancellationToken);
        return intake?.CaseId ?? throw new ValidationException(new Dictionary<string, string[]>
        {
            ["caseClientId"] = ["No intake entry with this id has been received from your organisation: send the intake first."],
        });
    }

    private Task<Guid> VersionOfAsync(Guid caseId, CancellationToken cancellationToken) =>
        db.Cases.Where(c => c.Id == caseId).Select(c => c.ConcurrencyStamp).SingleAsync(cancellationToken);

    private FieldEntry NewEntry(Actor actor, FieldEntryInput entry, string hash, Guid recordId, Guid caseId, Guid? version) => new()
    {
        OrganisationId = actor.OrganisationId,
        ClientId = entry.ClientId,
        Kind = entry.Kind,
        RecordId = recordId,
        CaseId = caseId,
        PayloadHash = hash,
        ResultVersion = version,
        SentBy = actor.UserId,
        ReceivedAt = clock.GetUtcNow(),
    };

    private static int LockKey(Guid organisationId, Guid clientId)
    {
        Span<byte> key = stackalloc byte[32];
        organisationId.TryWriteBytes(key[..16]);
        clientId.TryWriteBytes(key[16..]);
        return BitConverter.ToInt32(SHA256.HashData(key));
    }
}

/// <summary>What the device learns about its entry: the server's id for it and, for a case, the version to base later edits on.</summary>
public sealed record FieldSyncResult(Guid ClientId, string Kind, Guid RecordId, Guid CaseId, Guid? Version, bool AlreadyReceived);

/// <summary>An entry that cannot be taken as sent (its id reused for other content).</summary>
public sealed class FieldEntryRefusedException(string message) : Exception(message);

/// <summary>The case changed on the server after the device's version: nothing was written; the person chooses.</summary>
public sealed class FieldConflictException(Guid caseId, Guid serverVersion, IReadOnlyList<FieldConflict> fields)
    : Exception("The case was changed on the server after this edit was made offline: choose which version to keep.")
{
    public Guid CaseId { get; } = caseId;
    public Guid ServerVersion { get; } = serverVersion;
    public IReadOnlyList<FieldConflict> Fields { get; } = fields;
}
