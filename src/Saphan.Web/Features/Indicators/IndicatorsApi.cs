using Microsoft.AspNetCore.Http.HttpResults;
using Saphan.Core;
using Saphan.Core.Features.Indicators;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Indicators;

/// <summary>
/// <c>GET /api/v1/indicators?period=2026Q1&amp;scope=org|network</c>: every indicator of the catalogue with its
/// definition, value and breakdowns. scope=org for the caller's own organisation (supervisor, org_admin); scope=network
/// for network_admin and analyst (counts only, cells under 11 suppressed, no organisation named). 400 names the bad
/// parameter; a role outside those is refused (403).
/// </summary>
public static class IndicatorsApi
{
    public static RouteHandlerBuilder MapIndicatorsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/indicators", GetAsync).WithTags("Indicators")
            .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { AuthenticationSchemes = BearerTokenHandler.SchemeName, Roles = string.Join(',', GetIndicators.AllRoles) })
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Ok<IndicatorSet>> GetAsync(string? period, string? scope, HttpContext http, GetIndicators handler, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (quarter, parsedScope) = GetIndicators.Parse(period, scope, errors);
        errors.ThrowIfAny();
        return TypedResults.Ok(await handler.HandleAsync(http.User.ToActor(), quarter, parsedScope, cancellationToken));
    }
}
