using Microsoft.AspNetCore.Http.HttpResults;
using Saphan.Core;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Pathways;
using Saphan.Web.Features.Identity;
using Saphan.Web.Infrastructure;

namespace Saphan.Web.Features.Pathways;

/// <summary>
/// Care pathway templates (every member reads; network admins create and edit, each edit a new version), the pathway
/// of a case (its organisation's case readers read, case writers assign and mark; 404 for another organisation's case)
/// and the gaps view (supervisors and org admins: their organisation; network admins and analysts: counts only).
/// </summary>
public static class PathwaysApi
{
    public static void MapPathwaysApi(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/v1/pathways").WithTags("Care pathways").RequireAuthorization(Policies.Api);
        templates.MapGet("/", async (HttpContext http, PathwayCommands handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(http.Request.Query["all"] != "true", ct)));
        templates.MapGet("/{id:guid}", async (Guid id, PathwayCommands handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(id, ct)))
            .ProducesProblem(StatusCodes.Status404NotFound);
        templates.MapPost("/", CreateAsync).Accepts<PathwayRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        templates.MapPut("/{id:guid}", EditAsync).Accepts<PathwayRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/api/v1/cases/{id:guid}/pathway", GetForCaseAsync)
            .WithTags("Care pathways").RequireAuthorization(Policies.ApiCasesRead).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPut("/api/v1/cases/{id:guid}/pathway", AssignAsync)
            .WithTags("Care pathways").RequireAuthorization(Policies.ApiCasesWrite).Accepts<AssignRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost("/api/v1/cases/{id:guid}/pathway/steps/{step}", MarkAsync)
            .WithTags("Care pathways").RequireAuthorization(Policies.ApiCasesWrite).Accepts<MarkRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/v1/gaps", async (HttpContext http, GetGaps handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(http.User.ToActor(), ct)))
            .WithTags("Care pathways").RequireAuthorization(Policies.Api).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    internal static PathwayInput ReadPathway(JsonInput json)
    {
        var steps = json.ReadObjects("steps")?.Select(s =>
        {
            var step = new PathwayStepInput(s.ReadString("code"), s.ReadStrings("serviceTypes"), s.ReadInteger("expectedDays"), s.ReadString("from"));
            s.RejectUnknownFields();
            return step;
        }).ToList();
        var input = new PathwayInput(json.ReadString("code"), json.ReadString("name"), json.ReadString("nameThai"), steps);
        json.RejectUnknownFields();
        return input;
    }

    private static async Task<Created<PathwayView>> CreateAsync(HttpContext http, PathwayCommands handler, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken);
        var errors = new ValidationErrors();
        var input = ReadPathway(new JsonInput(body, errors));
        var created = await handler.CreateAsync(http.User.ToActor(), input, cancellationToken, errors);
        return TypedResults.Created($"/api/v1/pathways/{created.Id}", created);
    }

    private static async Task<Ok<PathwayView>> EditAsync(Guid id, HttpContext http, PathwayCommands handler, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken);
        var errors = new ValidationErrors();
        var input = ReadPathway(new JsonInput(body, errors));
        return TypedResults.Ok(await handler.EditAsync(http.User.ToActor(), id, input, cancellationToken, errors));
    }

    /// <summary>404 when the case is not the caller's, or follows no pathway yet.</summary>
    private static async Task<Ok<CasePathwayView>> GetForCaseAsync(Guid id, HttpContext http, PathwayCommands handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.ForCaseAsync(http.User.ToActor(), id, cancellationToken) ?? throw new NotFoundException("Case pathway"));

    private static async Task<Ok<CasePathwayView>> AssignAsync(Guid id, HttpContext http, PathwayCommands handler, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken);
        var errors = new ValidationErrors();
        var json = new JsonInput(body, errors);
        var raw = json.ReadString("pathwayId");
        json.RejectUnknownFields();
        Guid? pathwayId = null;
        if (raw is not null)
        {
            if (Guid.TryParse(raw, out var parsed))
            {
                pathwayId = parsed;
            }
            else
            {
                errors.Add("pathwayId", "Not an id.");
            }
        }

        errors.ThrowIfAny();
        return TypedResults.Ok(await handler.AssignAsync(http.User.ToActor(), id, pathwayId, cancellationToken));
    }

    private static async Task<Ok<CasePathwayView>> MarkAsync(Guid id, string step, HttpContext http, PathwayCommands handler, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken);
        var errors = new ValidationErrors();
        var json = new JsonInput(body, errors);
        var mark = json.ReadString("mark");
        json.RejectUnknownFields();
        errors.ThrowIfAny();
        return TypedResults.Ok(await handler.MarkAsync(http.User.ToActor(), id, step, mark, cancellationToken));
    }
}

/// <summary>The request bodies' shapes, for the OpenAPI document only.</summary>
public sealed record PathwayRequestDocument(string? Code, string Name, string? NameThai, IReadOnlyList<PathwayStepDocument> Steps);

public sealed record PathwayStepDocument(string Code, IReadOnlyList<string>? ServiceTypes, int ExpectedDays, string? From);

public sealed record AssignRequestDocument(Guid PathwayId);

public sealed record MarkRequestDocument(string Mark);
