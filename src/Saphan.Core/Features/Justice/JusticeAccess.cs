using Saphan.Core.Features.Identity;

namespace Saphan.Core.Features.Justice;

/// <summary>
/// The one place that decides who sees justice data (suspects, legal cases, operations, witnesses, assets):
/// users holding the law_enforcement role, for their own organisation's records only. Supervisors do not
/// qualify by being supervisors, not even in a police organisation: a police supervisor who works cases is
/// given the law_enforcement role as well. Everyone else is forbidden (403); another organisation's record is
/// "not found" (404).
/// </summary>
public static class JusticeAccess
{
    public static readonly IReadOnlyList<string> JusticeRoles = [Roles.LawEnforcement];

    /// <summary>Whether the actor may see their own organisation's justice data (for a yes/no decision, e.g. what a page offers).</summary>
    public static bool Allows(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.HasAnyRole(JusticeRoles);
    }

    public static void Ensure(Actor actor)
    {
        if (!Allows(actor))
        {
            throw new ForbiddenException();
        }
    }
}
