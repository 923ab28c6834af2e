namespace Saphan.Core.Features.Services;

/// <summary>A service an organisation offers to the network (dictionary section "service"). Not identifying.</summary>
public sealed class Service
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    /// <summary>A code of the serviceType value set.</summary>
    public required string Type { get; set; }
    public required string Name { get; set; }
    /// <summary>ISO 3166-2:TH codes.</summary>
    public List<string> Provinces { get; set; } = [];
    /// <summary>ISO 639-1 codes (639-3 where there is none).</summary>
    public List<string> Languages { get; set; } = [];
    /// <summary>Empty: every gender.</summary>
    public List<string> Genders { get; set; } = [];
    public int? MinAge { get; set; }
    public int? MaxAge { get; set; }
    /// <summary>ISO 3166-1 alpha-2 codes or "stateless"; empty: every nationality.</summary>
    public List<string> Nationalities { get; set; } = [];
    public int Capacity { get; set; }
    /// <summary>Places free now; 0 means full.</summary>
    public int Available { get; set; }
    public string? ContactRoute { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Changes on every save (optimistic concurrency).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A service as the directory shows it.</summary>
public sealed record ServiceView(
    Guid Id, Guid OrganisationId, string OrganisationName, string Type, string Name, IReadOnlyList<string> Provinces,
    IReadOnlyList<string> Languages, IReadOnlyList<string> Genders, int? MinAge, int? MaxAge, IReadOnlyList<string> Nationalities,
    int Capacity, int Available, string? ContactRoute, DateTimeOffset UpdatedAt)
{
    public static ServiceView Of(Service s, string organisationName) =>
        new(s.Id, s.OrganisationId, organisationName, s.Type, s.Name, s.Provinces, s.Languages, s.Genders, s.MinAge, s.MaxAge,
            s.Nationalities, s.Capacity, s.Available, s.ContactRoute, s.UpdatedAt);
}

/// <summary>Filters of the directory; every one optional.</summary>
public sealed record ServiceFilter(string? Type = null, string? Province = null, string? Language = null, string? Gender = null, int? Age = null, string? Nationality = null);
