using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Protection;

namespace Saphan.Core.Features.Audit;

/// <summary>Chains audit entries with a keyed hash, and verifies the chain.</summary>
public sealed class AuditLog(KeyRing keys)
{
    public const string Genesis = "genesis";
    private readonly byte[] _key = keys.Derive("audit-chain/v1");

    internal string ComputeHash(string previousHash, long sequence, DateTimeOffset at, Guid? userId, Guid? organisationId,
        string action, string entityType, string entityId, string? detail)
    {
        var canonical = string.Join('\u001f',
            previousHash,
            sequence.ToString(CultureInfo.InvariantCulture),
            at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            userId?.ToString("N") ?? "",
            organisationId?.ToString("N") ?? "",
            action,
            entityType,
            entityId,
            detail ?? "");
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(canonical)));
    }

    internal AuditEntry Chain(AuditEntry? previous, PendingAudit pending, DateTimeOffset at)
    {
        // Store at microsecond precision: both engines keep that much, so the hash re-computes exactly.
        at = new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
        var sequence = (previous?.Sequence ?? 0) + 1;
        var previousHash = previous?.Hash ?? Genesis;
        Guid? user = pending.Actor.UserId == Guid.Empty ? null : pending.Actor.UserId;
        Guid? organisation = pending.Actor.OrganisationId == Guid.Empty ? null : pending.Actor.OrganisationId;
        return new AuditEntry
        {
            Sequence = sequence,
            At = at,
            UserId = user,
            OrganisationId = organisation,
            Action = pending.Action,
            EntityType = pending.EntityType,
            EntityId = pending.EntityId,
            Detail = pending.Detail,
            PreviousHash = previousHash,
            Hash = ComputeHash(previousHash, sequence, at, user, organisation, pending.Action, pending.EntityType, pending.EntityId, pending.Detail),
        };
    }

    /// <summary>Walks the whole chain in order. Returns the problems found (empty when intact) and the count checked.</summary>
    public async Task<AuditVerification> VerifyAsync(SaphanDbContext db, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var expectedPrevious = Genesis;
        long expectedSequence = 1;
        long count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            if (entry.Sequence != expectedSequence)
            {
                problems.Add($"entries {expectedSequence.ToString(CultureInfo.InvariantCulture)}–{(entry.Sequence - 1).ToString(CultureInfo.InvariantCulture)} are missing");
            }

            if (entry.PreviousHash != expectedPrevious)
            {
                problems.Add($"entry {entry.Sequence.ToString(CultureInfo.InvariantCulture)} does not follow the entry before it");
            }

            var recomputed = ComputeHash(entry.PreviousHash, entry.Sequence, entry.At, entry.UserId, entry.OrganisationId,
                entry.Action, entry.EntityType, entry.EntityId, entry.Detail);
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(recomputed), Encoding.ASCII.GetBytes(entry.Hash)))
            {
                problems.Add($"entry {entry.Sequence.ToString(CultureInfo.InvariantCulture)} was altered after it was written");
            }

            expectedPrevious = entry.Hash;
            expectedSequence = entry.Sequence + 1;
        }

        return new AuditVerification(count, problems);
    }
}

public sealed record AuditVerification(long EntriesChecked, IReadOnlyList<string> Problems)
{
    public bool Intact => Problems.Count == 0;
}
