using Microsoft.AspNetCore.Http.HttpResults;
using Saphan.Core.Features.Caseloads;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Caseloads;

/// <summary>Caseloads: supervisors and org admins see their organisation's workers, a worker their own row; other roles 403.</summary>
public static class CaseloadsApi
{
    public static void MapCaseloadsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/caseloads", async (HttpContext http, GetCaseloads handler, CancellationToken cancellationToken) =>
                TypedResults.Ok(await handler.HandleAsync(http.User.ToActor(), cancellationToken)))
            .WithTags("Caseloads").RequireAuthorization(Policies.ApiCasesRead).ProducesProblem(StatusCodes.Status403Forbidden);
}
