using Microsoft.AspNetCore.Http.HttpResults;
using Saphan.Core;
using Saphan.Core.Features.Tasks;
using Saphan.Web.Features.Identity;
using Saphan.Web.Infrastructure;

namespace Saphan.Web.Features.Tasks;

/// <summary>
/// The caller's tasks: their organisation's, assigned to them or to a role they hold. Another user's or
/// another organisation's task answers 404. Closing an urgent task needs a note on the action taken.
/// </summary>
public static class TasksApi
{
    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tasks").WithTags("Tasks").RequireAuthorization(Policies.Api);
        group.MapGet("/", ListAsync);
        group.MapPost("/{id:guid}/complete", CompleteAsync)
            .Accepts<CompleteTaskDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<TaskView>>> ListAsync(HttpContext http, ListTasks handler, bool? includeDone, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.HandleAsync(http.User.ToActor(), cancellationToken, includeDone ?? false));

    private static async Task<Ok<TaskView>> CompleteAsync(Guid id, HttpContext http, CompleteTask handler, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken);
        var errors = new ValidationErrors();
        var json = new Saphan.Core.Features.Cases.JsonInput(body, errors);
        var note = json.ReadString("note");
        json.RejectUnknownFields();
        errors.ThrowIfAny();
        return TypedResults.Ok(await handler.HandleAsync(http.User.ToActor(), id, note, cancellationToken));
    }
}

/// <summary>The request body's shape, for the OpenAPI document only.</summary>
public sealed record CompleteTaskDocument(string? Note);
