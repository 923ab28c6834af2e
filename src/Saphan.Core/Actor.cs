namespace Saphan.Core;

/// <summary>Who is acting: a signed-in user within their organisation, or the system itself (CLI, seeding).</summary>
public sealed record Actor(Guid UserId, Guid OrganisationId, IReadOnlySet<string> Roles)
{
    /// <summary>The command line and start-up work, acting for no user and no organisation.</summary>
    public static readonly Actor System = new(Guid.Empty, Guid.Empty, new HashSet<string>());

    public bool HasAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);
}
