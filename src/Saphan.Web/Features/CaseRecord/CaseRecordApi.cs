using Microsoft.AspNetCore.Http.HttpResults;
using Saphan.Core;
using Saphan.Core.Features.CaseRecord;
using Saphan.Core.Features.Cases;
using Saphan.Web.Features.Identity;
using Saphan.Web.Infrastructure;

namespace Saphan.Web.Features.CaseRecord;

/// <summary>
/// The rest of the standard record on a case: victim context, vulnerability, support plan, comments, closure. Same access as the case: its
/// organisation only (404 otherwise), case readers read, case writers write, nobody writes to a closed case (409), and
/// only a supervisor reopens one.
/// </summary>
public static class CaseRecordApi
{
    public static RouteGroupBuilder MapCaseRecordApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cases/{id:guid}").WithTags("Case record").RequireAuthorization(Policies.ApiCasesRead);
        group.MapGet("/vulnerability", GetVulnerabilityAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/vulnerability", SaveVulnerabilityAsync).RequireAuthorization(Policies.ApiCasesWrite)
            .Accepts<VulnerabilityRequestDocument>("application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/victim-context", GetVictimAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/victim-context", SaveVictimAsync).RequireAuthorization(Policies.ApiCasesWrite)
            .Accepts<VictimContextRequestDocument>("application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/support-plan", GetPlanAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/support-plan", SavePlanAsync).RequireAuthorization(Policies.ApiCasesWrite)
            .Accepts<SupportPlanRequestDocument>("application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/support-plan/actions", AddActionAsync).RequireAuthorization(Policies.ApiCasesWrite)
            .Accepts<PlanActionRequestDocument>("application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPatch("/support-plan/actions/{actionId:guid}", ChangeActionAsync).RequireAuthorization(Policies.ApiCasesWrite)
            .Accepts<PlanActionRequestDocument>("application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/comments", ListCommentsAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/comments", AddCommentAsync).RequireAuthorization(Policies.ApiCasesWrite)
            .Accepts<CommentRequestDocument>("application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/closure", GetClosureAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/closure", CloseAsync).RequireAuthorization(Policies.ApiCasesWrite)
            .Accepts<ClosureRequestDocument>("application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/reopen", ReopenAsync).RequireAuthorization(Policies.ApiCasesWrite)
            .Accepts<ReopenRequestDocument>("application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<(JsonInput Json, ValidationErrors Errors)> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken);
        var errors = new ValidationErrors();
        return (new JsonInput(body, errors), errors);
    }

    private static async Task<Ok<VulnerabilityView>> GetVulnerabilityAsync(Guid id, HttpContext http, GetVulnerability handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.HandleAsync(http.User.ToActor(), id, cancellationToken));

    private static async Task<Ok<VulnerabilityView>> SaveVulnerabilityAsync(Guid id, HttpContext http, SaveVulnerability handler, CancellationToken cancellationToken)
    {
        var (json, errors) = await ReadAsync(http, cancellationToken);
        return TypedResults.Ok(await handler.HandleAsync(http.User.ToActor(), id, VulnerabilityInput.FromJson(json), cancellationToken, errors));
    }

    private static async Task<Ok<VictimContextView>> GetVictimAsync(Guid id, HttpContext http, GetVictimContext handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.HandleAsync(http.User.ToActor(), id, cancellationToken));

    private static async Task<Ok<VictimContextView>> SaveVictimAsync(Guid id, HttpContext http, SaveVictimContext handler, CancellationToken cancellationToken)
    {
        var (json, errors) = await ReadAsync(http, cancellationToken);
        return TypedResults.Ok(await handler.HandleAsync(http.User.ToActor(), id, VictimContextInput.FromJson(json), cancellationToken, errors));
    }

    private static async Task<Ok<SupportPlanView>> GetPlanAsync(Guid id, HttpContext http, SupportPlans plans, CancellationToken cancellationToken) =>
        TypedResults.Ok(await plans.GetAsync(http.User.ToActor(), id, cancellationToken));

    private static async Task<Ok<SupportPlanView>> SavePlanAsync(Guid id, HttpContext http, SupportPlans plans, CancellationToken cancellationToken)
    {
        var (json, errors) = await ReadAsync(http, cancellationToken);
        return TypedResults.Ok(await plans.SaveAsync(http.User.ToActor(), id, SupportPlanInput.FromJson(json), cancellationToken, errors));
    }

    private static async Task<Created<PlanActionView>> AddActionAsync(Guid id, HttpContext http, SupportPlans plans, CancellationToken cancellationToken)
    {
        var (json, errors) = await ReadAsync(http, cancellationToken);
        var action = await plans.AddActionAsync(http.User.ToActor(), id, PlanActionInput.FromJson(json), cancellationToken, errors);
        return TypedResults.Created($"/api/v1/cases/{id}/support-plan", action);
    }

    private static async Task<Ok<PlanActionView>> ChangeActionAsync(Guid id, Guid actionId, HttpContext http, SupportPlans plans, CancellationToken cancellationToken)
    {
        var (json, errors) = await ReadAsync(http, cancellationToken);
        return TypedResults.Ok(await plans.ChangeActionAsync(http.User.ToActor(), id, actionId, PlanActionInput.FromJson(json), cancellationToken, errors));
    }

    private static async Task<Ok<IReadOnlyList<CaseCommentView>>> ListCommentsAsync(Guid id, HttpContext http, CaseComments comments, CancellationToken cancellationToken) =>
        TypedResults.Ok(await comments.ListAsync(http.User.ToActor(), id, cancellationToken));

    private static async Task<Created<CaseCommentView>> AddCommentAsync(Guid id, HttpContext http, CaseComments comments, CancellationToken cancellationToken)
    {
        var (json, errors) = await ReadAsync(http, cancellationToken);
        var text = json.ReadString("text");
        json.RejectUnknownFields();
        var comment = await comments.AddAsync(http.User.ToActor(), id, text, cancellationToken, errors);
        return TypedResults.Created($"/api/v1/cases/{id}/comments", comment);
    }

    private static async Task<Ok<ClosureView>> GetClosureAsync(Guid id, HttpContext http, CaseClosure closure, CancellationToken cancellationToken) =>
        TypedResults.Ok(await closure.GetAsync(http.User.ToActor(), id, cancellationToken));

    private static async Task<Ok<ClosureView>> CloseAsync(Guid id, HttpContext http, CaseClosure closure, CancellationToken cancellationToken)
    {
        var (json, errors) = await ReadAsync(http, cancellationToken);
        return TypedResults.Ok(await closure.CloseAsync(http.User.ToActor(), id, ClosureInput.FromJson(json), cancellationToken, errors));
    }

    private static async Task<Ok<ClosureView>> ReopenAsync(Guid id, HttpContext http, CaseClosure closure, CancellationToken cancellationToken)
    {
        var (json, errors) = await ReadAsync(http, cancellationToken);
        var reason = json.ReadString("reason");
        json.RejectUnknownFields();
        return TypedResults.Ok(await closure.ReopenAsync(http.User.ToActor(), id, reason, cancellationToken, errors));
    }
}

/// <summary>Request bodies' shapes, for the OpenAPI document only.</summary>
public sealed record HouseholdRequestDocument(string? IncomeBand, decimal? DebtThb, IReadOnlyList<string>? DebtTo, int? Dependants);

public sealed record VulnerabilityRequestDocument(string AssessedOn, IReadOnlyList<string>? Individual, HouseholdRequestDocument? Household, IReadOnlyList<string>? Community, string? Details);

public sealed record SupportPlanRequestDocument(string Objectives, string? AgreedOn, string? ReviewOn);

public sealed record PlanActionRequestDocument(string Type, string Description, string? Status, string? DueOn, Guid? ResponsibleOrganisationId);

public sealed record CommentRequestDocument(string Text);

public sealed record ClosureRequestDocument(string Reason, string ClosedOn, string? Details);

public sealed record ReopenRequestDocument(string Reason);

/// <summary>The PUT body (OpenAPI only): nrm, healthNeeds and arrestedOrCharged are changed only when present (null clears); the last two need a role that reads health data.</summary>
public sealed record VictimContextRequestDocument(string TraffickingStatus, string? TraffickingStatusDecidedBy,
    NrmRequestDocument? Nrm = null, IReadOnlyList<string>? HealthNeeds = null, bool? ArrestedOrCharged = null);

public sealed record NrmRequestDocument(string? IdentifiedOn, bool? MultidisciplinaryTeam);
