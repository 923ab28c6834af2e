using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Saphan.Core;
using Saphan.Core.Features.Identity;

namespace Saphan.Web.Features.Identity;

/// <summary>Adds the user's organisation and display name to the claims Identity already issues (id, roles).</summary>
internal sealed class SaphanClaimsFactory(
    UserManager<SaphanUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<SaphanUser, IdentityRole<Guid>>(users, roles, options)
{
    public const string OrganisationClaim = "saphan:org";
    public const string DisplayNameClaim = "saphan:name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SaphanUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(OrganisationClaim, user.OrganisationId.ToString()));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>The acting user as the use cases see them.</summary>
    public static Actor ToActor(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var organisation = principal.FindFirstValue(SaphanClaimsFactory.OrganisationClaim);
        if (!Guid.TryParse(id, out var userId) || !Guid.TryParse(organisation, out var organisationId))
        {
            throw new ForbiddenException();
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Actor(userId, organisationId, roles);
    }

    public static string DisplayName(this ClaimsPrincipal principal) =>
        principal?.FindFirstValue(SaphanClaimsFactory.DisplayNameClaim) ?? "";
}
