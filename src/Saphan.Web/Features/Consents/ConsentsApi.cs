using Microsoft.AspNetCore.Http.HttpResults;
using Saphan.Core;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Consents;
using Saphan.Web.Features.Identity;
using Saphan.Web.Infrastructure;

namespace Saphan.Web.Features.Consents;

/// <summary>
/// A case's consent decisions: append-only (no update, no delete). Same access as the case: its
/// organisation only (404 otherwise), case readers read, case writers record.
/// </summary>
public static class ConsentsApi
{
    public static RouteGroupBuilder MapConsentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cases/{id:guid}/consents").WithTags("Consents").RequireAuthorization(Policies.ApiCasesRead);
        group.MapPost("/", RecordAsync).RequireAuthorization(Policies.ApiCasesWrite)
            .Accepts<ConsentRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Created<ConsentView>> RecordAsync(Guid id, HttpContext http, RecordConsent handler, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken);
        var errors = new ValidationErrors();
        var input = ConsentInput.FromJson(new JsonInput(body, errors));
        var recorded = await handler.HandleAsync(http.User.ToActor(), id, input, cancellationToken, errors);
        return TypedResults.Created($"/api/v1/cases/{id}/consents", recorded);
    }

    private static async Task<Ok<CaseConsentsView>> GetAsync(Guid id, HttpContext http, GetConsents handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.HandleAsync(http.User.ToActor(), id, cancellationToken));
}

/// <summary>The request body's shape, for the OpenAPI document only.</summary>
public sealed record ConsentRequestDocument(string Purpose, string Status, string Method, string RecordedOn, string? Note);
