namespace Saphan.Core.Features.Import;

/// <summary>
/// One completed import: which file (by SHA-256 only, never its name or content), into which
/// organisation, when, and the counts. The file's hash is unique per organisation, which makes a
/// second import of the same file a no-op.
/// </summary>
public sealed class ImportRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public required string Sha256 { get; init; }
    public string? MappingName { get; init; }
    public int Imported { get; init; }
    public int Duplicates { get; init; }
    public int Rejected { get; init; }
    public Guid? ImportedBy { get; init; }
    public DateTimeOffset ImportedAt { get; init; }
}

/// <summary>A named column mapping an organisation saved for its recurring spreadsheets.</summary>
public sealed class ImportMapping
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public required string Name { get; init; }
    /// <summary>JSON object: column header → target code (see <see cref="ImportTargets"/>).</summary>
    public required string Columns { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
