using Microsoft.AspNetCore.Http.HttpResults;
using Saphan.Core;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.FollowUps;
using Saphan.Web.Features.Identity;
using Saphan.Web.Infrastructure;

namespace Saphan.Web.Features.FollowUps;

/// <summary>Follow-ups and aftercare outcome figures. Follow-ups follow the case's rules (its organisation only, 404 otherwise).</summary>
public static class FollowUpsApi
{
    public static void MapFollowUpsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/cases/{id:guid}/follow-ups", async (Guid id, HttpContext http, FollowUpCommands handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(http.User.ToActor(), id, ct)))
            .WithTags("Follow-ups").RequireAuthorization(Policies.ApiCasesRead).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost("/api/v1/cases/{id:guid}/follow-ups", async (Guid id, HttpContext http, FollowUpCommands handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ScheduleStandardAsync(http.User.ToActor(), id, ct)))
            .WithTags("Follow-ups").RequireAuthorization(Policies.ApiCasesWrite).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost("/api/v1/follow-ups/{id:guid}/outcome", RecordAsync)
            .WithTags("Follow-ups").RequireAuthorization(Policies.ApiCasesWrite).Accepts<OutcomeRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/v1/outcomes", async (HttpContext http, FollowUpCommands handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.FiguresAsync(http.User.ToActor(), ct)))
            .WithTags("Follow-ups").RequireAuthorization(Policies.Api).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Ok<FollowUpView>> RecordAsync(Guid id, HttpContext http, FollowUpCommands handler, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken);
        var errors = new ValidationErrors();
        var json = new JsonInput(body, errors);
        var doneOn = json.ReadString("doneOn");
        var outcomes = json.ReadStrings("outcomes");
        var note = json.ReadString("note");
        json.RejectUnknownFields();
        return TypedResults.Ok(await handler.RecordAsync(http.User.ToActor(), id, doneOn, outcomes, note, cancellationToken, errors));
    }
}

/// <summary>The request body's shape, for the OpenAPI document only.</summary>
public sealed record OutcomeRequestDocument(string DoneOn, IReadOnlyList<string> Outcomes, string? Note);
