using Microsoft.AspNetCore.Http.HttpResults;
using Saphan.Core;
using Saphan.Core.Features.Events;
using Saphan.Web.Features.Identity;
using Saphan.Web.Infrastructure;

namespace Saphan.Web.Features.Events;

/// <summary>
/// A case's trafficking events (recruitment, transit, exploitation) with the dictionary's fields. Same
/// access as the case: its organisation only (404 otherwise), case readers read, case writers add.
/// </summary>
public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cases/{id:guid}/events").WithTags("Events").RequireAuthorization(Policies.ApiCasesRead);
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.ApiCasesWrite)
            .Accepts<EventRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/", ListAsync).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Created<EventView>> CreateAsync(Guid id, HttpContext http, CreateEvent handler, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken);
        var errors = new ValidationErrors();
        var input = EventInput.FromJson(body, errors);
        var created = await handler.HandleAsync(http.User.ToActor(), id, input, cancellationToken, errors);
        return TypedResults.Created($"/api/v1/cases/{id}/events", created);
    }

    private static async Task<Ok<IReadOnlyList<EventView>>> ListAsync(Guid id, HttpContext http, ListEvents handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.HandleAsync(http.User.ToActor(), id, cancellationToken));
}

/// <summary>
/// The request body's shape, for the OpenAPI document only: the fields of the dictionary section event.{type};
/// a field of another type is refused.
/// </summary>
public sealed record EventRequestDocument(
    string Type,
    string Country,
    string? Province,
    string? District,
    string? Date,
    string? StartDate,
    string? EndDate,
    IReadOnlyList<string>? RecruiterRelation,
    IReadOnlyList<string>? Methods,
    bool? Abduction,
    IReadOnlyList<string>? WebsitesAndApps,
    string? BorderCrossing,
    IReadOnlyList<string>? Types,
    IReadOnlyList<string>? Industry,
    IReadOnlyList<string>? LabourTypes,
    IReadOnlyList<string>? SexTypes,
    IReadOnlyList<string>? MeansOfControl,
    int? DurationMonths,
    decimal? UnpaidWagesThb,
    string? Description);
