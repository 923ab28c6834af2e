using Microsoft.EntityFrameworkCore;
using Saphan.Core.Features.Organisations;

namespace Saphan.Core.Features.Repository;

/// <summary>An organisation's choice to be named in the repository's counts (default: not named).</summary>
public sealed class RepositorySetting
{
    public Guid OrganisationId { get; init; }
    public bool NamedInCounts { get; set; }
    public Guid UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An organisation's latest publication: when, by whom, with which network key, how many records.</summary>
public sealed class RepositoryPublication
{
    public Guid OrganisationId { get; init; }
    public required string KeyId { get; set; }
    public int Records { get; set; }
    public Guid PublishedBy { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
}

/// <summary>
/// One published record: the person's Bloom-filter encoding, a pseudonymous key (a per-organisation keyed hash of the
/// person's id, so the repository can neither find the person's row nor link keys of two organisations) and
/// de-identified attributes. No name, date of birth, document number, phone, address or free text.
/// </summary>
public sealed class RepositoryRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public required string RecordKey { get; init; }
    /// <summary>The 128 bytes of the 1024-bit CLK.</summary>
    public required byte[] Clk { get; init; }
    public required string KeyId { get; init; }
    public required string OrganisationType { get; init; }
    /// <summary>female, male, transgender_nonconforming or unknown.</summary>
    public required string Sex { get; init; }
    /// <summary>An <see cref="AgeBands"/> code at identification.</summary>
    public required string AgeBand { get; init; }
    /// <summary>The first citizenship (ISO alpha-2, "stateless") or "unknown".</summary>
    public required string Nationality { get; init; }
    /// <summary>Exploitation type codes of the case's exploitation events, sorted; empty when none recorded.</summary>
    public List<string> ExploitationTypes { get; init; } = [];
    public string? Province { get; init; }
    /// <summary>The quarter of identification, e.g. 2026Q1.</summary>
    public string? IdentifiedQuarter { get; init; }
    /// <summary>Service types the person was referred to (sent referrals, oldest first).</summary>
    public List<string> Journey { get; init; } = [];
}

/// <summary>The cluster (one person) a published record belongs to, as found by the last match run.</summary>
public sealed class RepositoryCluster
{
    public Guid RecordId { get; init; }
    public int ClusterNo { get; init; }
}

/// <summary>One run of the matcher over every organisation's latest publication.</summary>
public sealed class RepositoryMatchRun
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTimeOffset RanAt { get; init; }
    public int Records { get; init; }
    public int Clusters { get; init; }
    public int LinkedClusters { get; init; }
    public double Threshold { get; init; }
    public int ElapsedMs { get; init; }
    public string? Warning { get; init; }
}

/// <summary>Age bands of the repository: the data standard's CTDC bands (person.ageBroad), and "unknown".</summary>
public static class AgeBands
{
    public const string Unknown = "unknown";

    public static readonly IReadOnlyList<string> All = [.. Standard.StandardValueSets.AgeBand.Values.Select(v => v.Code), Unknown];

    public static string Of(int? age) => age is null or < 0 ? Unknown : Standard.StandardValueSets.AgeBandOf(age.Value);

    /// <summary>CTDC's majority status: minor, adult or unknown.</summary>
    public static string Majority(string band) => band switch
    {
        "0-8" or "9-17" => "Minor",
        Unknown => "Unknown",
        _ => "Adult",
    };
}

internal static class RepositoryModel
{
    public static void Configure(ModelBuilder builder, Action<Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<List<string>>> codeList)
    {
        builder.Entity<RepositorySetting>(setting =>
        {
            setting.ToTable("repository_settings");
            setting.HasKey(s => s.OrganisationId);
            setting.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<RepositoryPublication>(publication =>
        {
            publication.ToTable("repository_publications");
            publication.HasKey(p => p.OrganisationId);
            publication.Property(p => p.KeyId).HasMaxLength(16);
            publication.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<RepositoryRecord>(record =>
        {
            record.ToTable("repository_records");
            record.HasIndex(r => new { r.OrganisationId, r.RecordKey }).IsUnique();
            record.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            record.Property(r => r.RecordKey).HasMaxLength(64);
            record.Property(r => r.KeyId).HasMaxLength(16);
            record.Property(r => r.OrganisationType).HasMaxLength(40);
            record.Property(r => r.Sex).HasMaxLength(40);
            record.Property(r => r.AgeBand).HasMaxLength(16);
            record.Property(r => r.Nationality).HasMaxLength(16);
            record.Property(r => r.Province).HasMaxLength(8);
            record.Property(r => r.IdentifiedQuarter).HasMaxLength(7);
            codeList(record.Property(r => r.ExploitationTypes));
            codeList(record.Property(r => r.Journey));
            record.Property(r => r.Journey).HasMaxLength(1000);
        });
        builder.Entity<RepositoryCluster>(cluster =>
        {
            cluster.ToTable("repository_clusters");
            cluster.HasKey(c => c.RecordId);
            cluster.HasIndex(c => c.ClusterNo);
            cluster.HasOne<RepositoryRecord>().WithMany().HasForeignKey(c => c.RecordId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<RepositoryMatchRun>(run =>
        {
            run.ToTable("repository_match_runs");
            run.Property(r => r.Warning).HasMaxLength(500);
        });
    }
}
