namespace Saphan.Core.Features.Organisations;

/// <summary>A member of the network. Every record in Saphan belongs to exactly one organisation.</summary>
public sealed class Organisation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string Type { get; set; }
    /// <summary>ISO 3166-2:TH code of the province where the organisation is based, when known.</summary>
    public string? Province { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>The kinds of organisation in a counter-trafficking network.</summary>
public static class OrganisationTypes
{
    public const string Ngo = "ngo";
    public const string Shelter = "shelter";
    public const string Government = "government";
    public const string Police = "police";
    public const string LabourInspection = "labour_inspection";
    public const string TradeUnion = "trade_union";
    public const string Hotline = "hotline";
    public const string Repository = "repository";

    public static readonly IReadOnlyList<string> All =
        [Ngo, Shelter, Government, Police, LabourInspection, TradeUnion, Hotline, Repository];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);
}
