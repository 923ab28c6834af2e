using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Reference;
using Saphan.Core.Features.Tips;
using Saphan.Web.Features.Identity;
using Saphan.Web.Infrastructure;

namespace Saphan.Web.Features.Tips;

/// <summary>
/// Public tips (anonymous, rate-limited per source) and the hotline's triage API (bearer token, hotline
/// operators and supervisors of a hotline organisation).
/// </summary>
public static class TipsApi
{
    public static IServiceCollection AddTipsModule(this IServiceCollection services)
    {
        services.AddOptions<TipsOptions>().BindConfiguration(TipsOptions.Section)
            .Validate(o => o.IsValid(), "Tips: limits and windows must be positive, the minimum fill time not negative.")
            .ValidateOnStart();
        services.AddSingleton<TipFormToken>();
        services.AddRateLimiter(TipRateLimits.Register);
        services.Configure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/Tips", Policies.TipsTriage));
        return services;
    }

    public static RouteGroupBuilder MapTipsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tips").WithTags("Tips");

        // Public: on the allow-list in AnonymousEndpoints, each counted per source.
        // Mapped beside the group: a group route for "" would read "/api/v1/tips/", not the allow-listed pattern.
        app.MapPost("/api/v1/tips", SubmitAsync).WithTags("Tips").AllowAnonymous().RequireRateLimiting(TipRateLimits.Submit)
            .Accepts<TipRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/status/{receipt}", StatusAsync).AllowAnonymous().RequireRateLimiting(TipRateLimits.Receipt)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/status/{receipt}/notes", FollowUpAsync).AllowAnonymous().RequireRateLimiting(TipRateLimits.Receipt)
            .Accepts<TipNoteRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);

        // Hotline staff.
        app.MapGet("/api/v1/tips", QueueAsync).WithTags("Tips").RequireAuthorization(Policies.ApiTipsTriage).ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.ApiTipsTriage).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.ApiTipsTriage)
            .Accepts<TipTriageRequestDocument>("application/merge-patch+json", "application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/notes", NoteAsync).RequireAuthorization(Policies.ApiTipsTriage)
            .Accepts<TipNoteRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/duplicates", async (Guid id, HttpContext http, TipTriage triage, CancellationToken ct) => TypedResults.Ok(await triage.DuplicatesAsync(http.User.ToActor(), id, ct)))
            .RequireAuthorization(Policies.ApiTipsTriage).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/figures", async (HttpContext http, TipTriage triage, CancellationToken ct) => TypedResults.Ok(await triage.FiguresAsync(http.User.ToActor(), ct)))
            .RequireAuthorization(Policies.ApiTipsTriage);
        group.MapPost("/phone", PhoneAsync).RequireAuthorization(Policies.ApiTipsTriage)
            .Accepts<TipRequestDocument>("application/json").ProducesValidationProblem();

        // Routing to partners: suggestions and routing by the hotline; the partner's side under /api/v1/routed-tips.
        group.MapGet("/{id:guid}/partners", async (Guid id, HttpContext http, TipRouting routing, CancellationToken ct, string? type = null) =>
                TypedResults.Ok(await routing.SuggestAsync(http.User.ToActor(), id, type, ct)))
            .RequireAuthorization(Policies.ApiTipsTriage).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/routes", RouteAsync).RequireAuthorization(Policies.ApiTipsTriage)
            .Accepts<TipRouteRequestDocument>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        var routed = app.MapGroup("/api/v1/routed-tips").WithTags("Tips").RequireAuthorization(Policies.ApiCasesWrite);
        routed.MapGet("/", async (HttpContext http, TipRouting routing, CancellationToken ct) => TypedResults.Ok(await routing.QueueAsync(http.User.ToActor(), ct)));
        routed.MapGet("/{id:guid}", async (Guid id, HttpContext http, TipRouting routing, CancellationToken ct) => TypedResults.Ok(await routing.GetAsync(http.User.ToActor(), id, ct)))
            .ProducesProblem(StatusCodes.Status404NotFound);
        routed.MapPost("/{id:guid}/acknowledge", async (Guid id, HttpContext http, TipRouting routing, CancellationToken ct) => TypedResults.Ok(await routing.AcknowledgeAsync(http.User.ToActor(), id, ct)))
            .ProducesProblem(StatusCodes.Status404NotFound);
        routed.MapPost("/{id:guid}/case", async (Guid id, HttpContext http, TipRouting routing, CancellationToken ct) =>
                TypedResults.Created("/api/v1/routed-tips/" + id, await routing.ConvertToCaseAsync(http.User.ToActor(), id, ct)))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        routed.MapPost("/{id:guid}/investigation", InvestigationAsync).Accepts<TipInvestigationRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        // The partner answers; the sender withdraws a route (by its id); an org admin declares the organisation's coverage.
        routed.MapPost("/{id:guid}/reply", ReplyAsync).Accepts<TipReplyRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost("/api/v1/tip-routes/{id:guid}/withdraw", WithdrawAsync).WithTags("Tips").RequireAuthorization(Policies.ApiTipsTriage)
            .Accepts<TipWithdrawRequestDocument>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        var coverage = app.MapGroup("/api/v1/coverage").WithTags("Tips").RequireAuthorization(Policies.Api);
        coverage.MapGet("/", async (HttpContext http, TipRouting routing, CancellationToken ct) => TypedResults.Ok(await routing.GetCoverageAsync(http.User.ToActor(), ct)))
            .ProducesProblem(StatusCodes.Status403Forbidden);
        coverage.MapPut("/", SaveCoverageAsync).Accepts<CoverageRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    private static async Task<Created<TipReceiptDocument>> SubmitAsync(HttpContext http, SubmitTip handler, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var input = TipInput.FromJson(await JsonBody.ReadAsync(http.Request, cancellationToken), errors);
        var receipt = await handler.HandleAsync(input, TipChannels.Api, cancellationToken, errors);
        // No Location: the tip's only public address is its receipt, which must not end up in logs by accident.
        return TypedResults.Created((string?)null, new TipReceiptDocument(receipt.Receipt));
    }

    private static async Task<Ok<TipStatusView>> StatusAsync(string receipt, CheckTipStatus handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.HandleAsync(receipt, cancellationToken));

    private static async Task<Ok<TipStatusView>> FollowUpAsync(string receipt, HttpContext http, AddTipFollowUp handler, CancellationToken cancellationToken)
    {
        var (text, errors) = await ReadNoteAsync(http, cancellationToken);
        return TypedResults.Ok(await handler.HandleAsync(receipt, text, cancellationToken, errors));
    }

    private static async Task<Results<Ok<TipPage>, ValidationProblem>> QueueAsync(
        HttpContext http, SearchTips handler, CancellationToken cancellationToken,
        string? status = null, string? province = null, int page = 1, int pageSize = 25)
    {
        var errors = new ValidationErrors();
        if (status is not null && status != SearchTips.Open && status != SearchTips.Any && !TipStatuses.IsKnown(status))
        {
            errors.Add("status", $"Use open, all or one of: {string.Join(", ", TipStatuses.All)}.");
        }

        if (province is not null && !Provinces.IsKnown(province))
        {
            errors.Add("province", "Not an ISO 3166-2:TH province code.");
        }

        if (pageSize is < 1 or > SearchTips.MaxPageSize || page < 1)
        {
            errors.Add("pageSize", $"page ≥ 1 and pageSize from 1 to {SearchTips.MaxPageSize}.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        return TypedResults.Ok(await handler.HandleAsync(http.User.ToActor(), new SearchTips.Query(status, province, page, pageSize), cancellationToken));
    }

    private static async Task<Ok<TipView>> GetAsync(Guid id, HttpContext http, GetTip handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.HandleAsync(http.User.ToActor(), id, cancellationToken));

    private static async Task<Ok<TipView>> UpdateAsync(Guid id, HttpContext http, UpdateTip handler, CancellationToken cancellationToken)
    {
        if (http.Request.ContentType?.StartsWith("application/merge-patch+json", StringComparison.OrdinalIgnoreCase) == true)
        {
            http.Request.ContentType = "application/json";
        }

        var errors = new ValidationErrors();
        var json = new JsonInput(await JsonBody.ReadAsync(http.Request, cancellationToken), errors);
        var input = new UpdateTip.Input(
            json.ReadString("status"), json.Has("status"),
            json.ReadString("assignedOperatorId"), json.Has("assignedOperatorId"));
        json.RejectUnknownFields();
        return TypedResults.Ok(await handler.HandleAsync(http.User.ToActor(), id, input, cancellationToken, errors));
    }

    private static async Task<Ok<TipView>> NoteAsync(Guid id, HttpContext http, AddTipNote handler, CancellationToken cancellationToken)
    {
        var (text, errors) = await ReadNoteAsync(http, cancellationToken);
        return TypedResults.Ok(await handler.HandleAsync(http.User.ToActor(), id, text, cancellationToken, errors));
    }

    private static async Task<Created<TipReceiptDocument>> PhoneAsync(HttpContext http, RecordPhoneTip handler, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var input = TipInput.FromJson(await JsonBody.ReadAsync(http.Request, cancellationToken), errors);
        errors.ThrowIfAny();
        var receipt = await handler.HandleAsync(http.User.ToActor(), input, cancellationToken);
        return TypedResults.Created("/api/v1/tips/" + receipt.Id, new TipReceiptDocument(receipt.Receipt, receipt.Id));
    }

    private static async Task<Created<TipRouteView>> RouteAsync(Guid id, HttpContext http, TipRouting routing, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var json = new JsonInput(await JsonBody.ReadAsync(http.Request, cancellationToken, maxBytes: 16 * 1024), errors);
        var raw = json.ReadString("organisationId");
        Guid? organisation = null;
        if (raw is not null && Guid.TryParse(raw, out var parsed))
        {
            organisation = parsed;
        }
        else if (raw is not null)
        {
            errors.Add("organisationId", "Expected an identifier (GUID).");
        }

        var note = json.ReadString("note");
        json.RejectUnknownFields();
        var route = await routing.RouteAsync(http.User.ToActor(), id, organisation, note, cancellationToken, errors);
        return TypedResults.Created("/api/v1/tips/" + id, route);
    }

    private static async Task<Ok<RoutedTipView>> ReplyAsync(Guid id, HttpContext http, TipRouting routing, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var json = new JsonInput(await JsonBody.ReadAsync(http.Request, cancellationToken, maxBytes: 16 * 1024), errors);
        var decision = json.ReadString("decision");
        var reason = json.ReadString("reason");
        var note = json.ReadString("note");
        json.RejectUnknownFields();
        return TypedResults.Ok(await routing.ReplyAsync(http.User.ToActor(), id, decision, reason, note, cancellationToken, errors));
    }

    private static async Task<Ok<TipRouteView>> WithdrawAsync(Guid id, HttpContext http, TipRouting routing, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var json = new JsonInput(await JsonBody.ReadAsync(http.Request, cancellationToken, maxBytes: 16 * 1024), errors);
        var reason = json.ReadString("reason");
        json.RejectUnknownFields();
        return TypedResults.Ok(await routing.WithdrawAsync(http.User.ToActor(), id, reason, cancellationToken, errors));
    }

    private static async Task<Ok<CoverageView>> SaveCoverageAsync(HttpContext http, TipRouting routing, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var json = new JsonInput(await JsonBody.ReadAsync(http.Request, cancellationToken, maxBytes: 16 * 1024), errors);
        var provinces = json.ReadStrings("provinces");
        var tipTypes = json.ReadStrings("tipTypes");
        json.RejectUnknownFields();
        return TypedResults.Ok(await routing.SaveCoverageAsync(http.User.ToActor(), provinces, tipTypes, cancellationToken, errors));
    }

    private static async Task<Created<TipConversion>> InvestigationAsync(Guid id, HttpContext http, TipRouting routing, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        string? reference = null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            var json = new JsonInput(await JsonBody.ReadAsync(http.Request, cancellationToken, maxBytes: 16 * 1024), errors);
            reference = json.ReadString("reference");
            json.RejectUnknownFields();
        }

        var converted = await routing.ConvertToInvestigationAsync(http.User.ToActor(), id, reference, cancellationToken, errors);
        return TypedResults.Created("/api/v1/legal-cases/" + converted.LegalCaseId, converted);
    }

    private static async Task<(string? Text, ValidationErrors Errors)> ReadNoteAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var json = new JsonInput(await JsonBody.ReadAsync(http.Request, cancellationToken, maxBytes: 16 * 1024), errors);
        var text = json.ReadString("text");
        json.RejectUnknownFields();
        return (text, errors);
    }
}

/// <summary>The answer to a new tip: the receipt code, shown once (and the tip's id, for staff only).</summary>
public sealed record TipReceiptDocument(string Receipt, Guid? Id = null);

/// <summary>The request body's shape, for the OpenAPI document only: bodies are read field by field.</summary>
public sealed record TipRequestDocument(
    string Description,
    string Province,
    string? Place,
    string? When,
    bool? ChildrenAtRisk,
    int? ChildrenCount,
    bool? ImminentDanger,
    string? Contact,
    string? Language);

public sealed record TipNoteRequestDocument(string Text);

public sealed record TipTriageRequestDocument(string? Status, Guid? AssignedOperatorId);

public sealed record TipRouteRequestDocument(Guid OrganisationId, string? Note);

public sealed record TipInvestigationRequestDocument(string? Reference);

/// <summary>The partner's answer, for the OpenAPI document only: decision accepted or declined (reason required).</summary>
public sealed record TipReplyRequestDocument(string Decision, string? Reason, string? Note);

/// <summary>Why the sender withdraws a route, for the OpenAPI document only.</summary>
public sealed record TipWithdrawRequestDocument(string Reason);

/// <summary>An organisation's declared coverage, for the OpenAPI document only.</summary>
public sealed record CoverageRequestDocument(IReadOnlyList<string> Provinces, IReadOnlyList<string>? TipTypes);
