using Microsoft.EntityFrameworkCore;
using Saphan.Core.Features.Organisations;

namespace Saphan.Core.Features.FieldSync;

/// <summary>
/// One entry sent from the offline field form, remembered by the id the device gave it, so that sending it
/// again (a dropped answer, a retry, a double tap) finds the record it already made instead of making another.
/// Holds no content: the kind, the record made and a hash of what was sent.
/// </summary>
public sealed class FieldEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    /// <summary>The UUID the device generated for the entry; unique per organisation.</summary>
    public Guid ClientId { get; init; }
    /// <summary><see cref="FieldEntryKinds"/>.</summary>
    public required string Kind { get; init; }
    /// <summary>The case (intake, edit) or screening (screening) the entry made or changed.</summary>
    public Guid RecordId { get; init; }
    /// <summary>The case the entry is about (the new one for an intake).</summary>
    public Guid CaseId { get; init; }
    /// <summary>SHA-256 (hex) of the entry as sent: the same id sent with other content is refused, not taken for a resend.</summary>
    public required string PayloadHash { get; init; }
    /// <summary>The case's version (its concurrency stamp) right after this entry, answered again on a resend.</summary>
    public Guid? ResultVersion { get; init; }
    public Guid SentBy { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }

    internal static void Configure(ModelBuilder builder) => builder.Entity<FieldEntry>(entry =>
    {
        entry.ToTable("field_entries");
        entry.HasIndex(e => new { e.OrganisationId, e.ClientId }).IsUnique();
        entry.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        entry.Property(e => e.Kind).HasMaxLength(16);
        entry.Property(e => e.PayloadHash).HasMaxLength(64);
    });
}

public static class FieldEntryKinds
{
    /// <summary>A new person with their case.</summary>
    public const string Intake = "intake";
    /// <summary>A screening on a case (a synced one, or one made by an earlier intake entry from the device).</summary>
    public const string Screening = "screening";
    /// <summary>A change to a case made offline, based on the version the device last saw.</summary>
    public const string Edit = "edit";

    public static readonly IReadOnlyList<string> All = [Intake, Screening, Edit];
}
