using Microsoft.AspNetCore.Identity;

namespace Saphan.Core.Features.Identity;

/// <summary>A staff account. It belongs to one organisation; its roles apply within that organisation only.</summary>
public sealed class SaphanUser : IdentityUser<Guid>
{
    public SaphanUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public Guid OrganisationId { get; set; }
    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>Roles a user can hold in their organisation.</summary>
public static class Roles
{
    public const string OrgAdmin = "org_admin";
    public const string Supervisor = "supervisor";
    public const string CaseWorker = "case_worker";
    public const string LawEnforcement = "law_enforcement";
    public const string LabourInspector = "labour_inspector";
    public const string HotlineOperator = "hotline_operator";
    public const string Analyst = "analyst";
    public const string NetworkAdmin = "network_admin";

    public static readonly IReadOnlyList<string> All =
        [OrgAdmin, Supervisor, CaseWorker, LawEnforcement, LabourInspector, HotlineOperator, Analyst, NetworkAdmin];

    /// <summary>Roles that work with identified survivors' cases: they may read them.</summary>
    public static readonly IReadOnlyList<string> CaseReaders =
        [OrgAdmin, Supervisor, CaseWorker, LawEnforcement, LabourInspector];

    /// <summary>Roles that may open and change cases. An org admin manages people, not casework.</summary>
    public static readonly IReadOnlyList<string> CaseWriters =
        [Supervisor, CaseWorker, LawEnforcement, LabourInspector];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
