using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Saphan.Core;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Justice;
using Saphan.Web.Features.Identity;
using Saphan.Web.Infrastructure;

namespace Saphan.Web.Features.Justice;

/// <summary>
/// Suspects, legal cases, operations and the justice figures: law enforcement only (policy → 403 for every other
/// role), own organisation only (404 otherwise). Every read and change is audited by the core use cases. The one
/// route for other roles is a case's legal stages, under the case's own access rules.
/// </summary>
public static class JusticeApi
{
    public static IEndpointRouteBuilder MapJusticeApi(this IEndpointRouteBuilder app)
    {
        var suspects = app.MapGroup("/api/v1/suspects").WithTags("Suspects").RequireAuthorization(Policies.ApiJustice);
        suspects.MapPost("/", CreateSuspectAsync).Accepts<SuspectRequestDocument>("application/json").ProducesValidationProblem();
        suspects.MapGet("/", async (HttpContext http, Suspects handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(http.User.ToActor(), ct)));
        suspects.MapGet("/network", async (HttpContext http, Suspects handler, CancellationToken ct) => TypedResults.Ok(await handler.NetworkAsync(http.User.ToActor(), null, ct)));
        suspects.MapGet("/{id:guid}", async (Guid id, HttpContext http, Suspects handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(http.User.ToActor(), id, ct)))
            .ProducesProblem(StatusCodes.Status404NotFound);
        suspects.MapGet("/{id:guid}/network", async (Guid id, HttpContext http, Suspects handler, CancellationToken ct) => TypedResults.Ok(await handler.NetworkAsync(http.User.ToActor(), id, ct)))
            .ProducesProblem(StatusCodes.Status404NotFound);
        suspects.MapPost("/{id:guid}/identifiers", AddIdentifierAsync).Accepts<IdentifierInput>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        suspects.MapPost("/{id:guid}/links", AddLinkAsync).Accepts<SuspectLinkInput>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        var legal = app.MapGroup("/api/v1/legal-cases").WithTags("Legal cases").RequireAuthorization(Policies.ApiJustice);
        legal.MapPost("/", CreateLegalCaseAsync).Accepts<LegalCaseInput>("application/json").ProducesValidationProblem();
        legal.MapGet("/", async (HttpContext http, LegalCases handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(http.User.ToActor(), ct)));
        legal.MapGet("/{id:guid}", async (Guid id, HttpContext http, LegalCases handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(http.User.ToActor(), id, ct)))
            .ProducesProblem(StatusCodes.Status404NotFound);
        legal.MapPatch("/{id:guid}", UpdateLegalCaseAsync).Accepts<LegalCaseInput>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        legal.MapPost("/{id:guid}/hearings", AddHearingAsync).Accepts<HearingInput>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        legal.MapPost("/{id:guid}/witnesses", AddWitnessAsync).Accepts<WitnessInput>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        legal.MapPost("/{id:guid}/assets", AddAssetAsync).Accepts<AssetInput>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        legal.MapPut("/{id:guid}/compensation", SetCompensationAsync).Accepts<CompensationInput>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        legal.MapPost("/{id:guid}/shares", ShareAsync).Accepts<ShareRequestDocument>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        legal.MapGet("/{id:guid}/shares", async (Guid id, HttpContext http, LegalCaseSharing handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(http.User.ToActor(), id, ct)))
            .ProducesProblem(StatusCodes.Status404NotFound);
        legal.MapDelete("/{id:guid}/shares/{shareId:guid}", async (Guid id, Guid shareId, HttpContext http, LegalCaseSharing handler, CancellationToken ct) =>
            {
                await handler.RevokeAsync(http.User.ToActor(), id, shareId, ct);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status404NotFound);

        var operations = app.MapGroup("/api/v1/operations").WithTags("Operations").RequireAuthorization(Policies.ApiJustice);
        operations.MapPost("/", CreateOperationAsync).Accepts<OperationInput>("application/json").ProducesValidationProblem();
        operations.MapGet("/", async (HttpContext http, Operations handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(http.User.ToActor(), ct)));
        operations.MapGet("/{id:guid}", async (Guid id, HttpContext http, Operations handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(http.User.ToActor(), id, ct)))
            .ProducesProblem(StatusCodes.Status404NotFound);
        operations.MapPut("/{id:guid}/plan", SetPlanAsync).Accepts<OperationPlanInput>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        operations.MapPost("/{id:guid}/approve", async (Guid id, HttpContext http, Operations handler, CancellationToken ct) => TypedResults.Ok(await handler.ApproveAsync(http.User.ToActor(), id, ct)))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        operations.MapPost("/{id:guid}/execute", async (Guid id, HttpContext http, Operations handler, CancellationToken ct) => TypedResults.Ok(await handler.ExecuteAsync(http.User.ToActor(), id, ct)))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        operations.MapPost("/{id:guid}/cancel", async (Guid id, HttpContext http, Operations handler, CancellationToken ct) => TypedResults.Ok(await handler.CancelAsync(http.User.ToActor(), id, ct)))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/v1/justice/figures", async (HttpContext http, JusticeFigures handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(http.User.ToActor(), ct)))
            .WithTags("Justice").RequireAuthorization(Policies.ApiJustice);
        // The minimal view for the victim's case team: that legal cases exist and their stage, nothing else.
        app.MapGet("/api/v1/cases/{id:guid}/legal-stages", async (Guid id, HttpContext http, LegalCases handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.StagesForCaseAsync(http.User.ToActor(), id, ct)))
            .WithTags("Legal cases").RequireAuthorization(Policies.ApiCasesRead).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<(JsonInput Json, ValidationErrors Errors)> ReadAsync(HttpContext http, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ct);
        var errors = new ValidationErrors();
        return (new JsonInput(body, errors), errors);
    }

    private static Guid? ReadGuid(JsonInput json, string name)
    {
        var text = json.ReadString(name);
        if (text is null)
        {
            return null;
        }

        if (!Guid.TryParse(text, out var id))
        {
            json.Errors.Add(json.PathOf(name), "Expected an identifier (GUID).");
            return null;
        }

        return id;
    }

    private static async Task<Created<SuspectView>> CreateSuspectAsync(HttpContext http, Suspects handler, CancellationToken ct)
    {
        var (json, errors) = await ReadAsync(http, ct);
        var input = new SuspectInput(json.ReadString("kind"), json.ReadString("name"), json.ReadStrings("roles"), json.ReadString("notes"));
        json.RejectUnknownFields();
        var created = await handler.CreateAsync(http.User.ToActor(), input, ct, errors);
        return TypedResults.Created("/api/v1/suspects/" + created.Id, created);
    }

    private static async Task<Created<IdentifierView>> AddIdentifierAsync(Guid id, HttpContext http, Suspects handler, CancellationToken ct)
    {
        var (json, errors) = await ReadAsync(http, ct);
        var input = new IdentifierInput(json.ReadString("type"), json.ReadString("value"));
        json.RejectUnknownFields();
        var created = await handler.AddIdentifierAsync(http.User.ToActor(), id, input, ct, errors);
        return TypedResults.Created("/api/v1/suspects/" + id, created);
    }

    private static async Task<Created<SuspectLinkView>> AddLinkAsync(Guid id, HttpContext http, Suspects handler, CancellationToken ct)
    {
        var (json, errors) = await ReadAsync(http, ct);
        var input = new SuspectLinkInput(ReadGuid(json, "caseId"), ReadGuid(json, "otherSuspectId"), ReadGuid(json, "legalCaseId"));
        json.RejectUnknownFields();
        errors.ThrowIfAny();
        var created = await handler.AddLinkAsync(http.User.ToActor(), id, input, ct);
        return TypedResults.Created("/api/v1/suspects/" + id, created);
    }

    private static LegalCaseInput ReadLegalCase(JsonInput json)
    {
        var fine = json.ReadLong("fineSatang");
        var input = new LegalCaseInput(json.ReadString("reference"), json.ReadString("stage"), json.ReadStrings("charges"), json.ReadString("verdict"),
            json.ReadInteger("sentenceMonths"), fine, json.ReadString("appealLodgedOn"));
        json.RejectUnknownFields();
        return input;
    }

    private static async Task<Created<LegalCaseView>> CreateLegalCaseAsync(HttpContext http, LegalCases handler, CancellationToken ct)
    {
        var (json, errors) = await ReadAsync(http, ct);
        var created = await handler.CreateAsync(http.User.ToActor(), ReadLegalCase(json), ct, errors);
        return TypedResults.Created("/api/v1/legal-cases/" + created.Id, created);
    }

    private static async Task<Ok<LegalCaseView>> UpdateLegalCaseAsync(Guid id, HttpContext http, LegalCases handler, CancellationToken ct)
    {
        var (json, errors) = await ReadAsync(http, ct);
        return TypedResults.Ok(await handler.UpdateAsync(http.User.ToActor(), id, ReadLegalCase(json), ct, errors));
    }

    private static async Task<Created<HearingView>> AddHearingAsync(Guid id, HttpContext http, LegalCases handler, CancellationToken ct)
    {
        var (json, errors) = await ReadAsync(http, ct);
        var input = new HearingInput(json.ReadString("heldOn"), json.ReadString("note"));
        json.RejectUnknownFields();
        errors.ThrowIfAny();
        return TypedResults.Created("/api/v1/legal-cases/" + id, await handler.AddHearingAsync(http.User.ToActor(), id, input, ct));
    }

    private static async Task<Created<WitnessView>> AddWitnessAsync(Guid id, HttpContext http, LegalCases handler, CancellationToken ct)
    {
        var (json, errors) = await ReadAsync(http, ct);
        var input = new WitnessInput(ReadGuid(json, "caseId"), json.ReadString("coordinator"), json.ReadString("interpreterLanguage"), json.ReadString("protectionMeasures"));
        json.RejectUnknownFields();
        errors.ThrowIfAny();
        return TypedResults.Created("/api/v1/legal-cases/" + id, await handler.AddWitnessAsync(http.User.ToActor(), id, input, ct));
    }

    private static async Task<Created<AssetView>> AddAssetAsync(Guid id, HttpContext http, LegalCases handler, CancellationToken ct)
    {
        var (json, errors) = await ReadAsync(http, ct);
        var input = new AssetInput(json.ReadString("description"), json.ReadString("status"), json.ReadLong("valueSatang"), json.ReadString("recordedOn"), ReadGuid(json, "suspectId"));
        json.RejectUnknownFields();
        errors.ThrowIfAny();
        return TypedResults.Created("/api/v1/legal-cases/" + id, await handler.AddAssetAsync(http.User.ToActor(), id, input, ct));
    }

    private static async Task<Ok<CompensationView>> SetCompensationAsync(Guid id, HttpContext http, LegalCases handler, CancellationToken ct)
    {
        var (json, errors) = await ReadAsync(http, ct);
        var input = new CompensationInput(ReadGuid(json, "caseId"), json.ReadLong("claimedSatang"), json.ReadLong("awardedSatang"), json.ReadLong("paidSatang"));
        json.RejectUnknownFields();
        errors.ThrowIfAny();
        return TypedResults.Ok(await handler.SetCompensationAsync(http.User.ToActor(), id, input, ct));
    }

    private static async Task<Created<LegalCaseShareView>> ShareAsync(Guid id, HttpContext http, LegalCaseSharing handler, CancellationToken ct)
    {
        var (json, errors) = await ReadAsync(http, ct);
        var organisation = ReadGuid(json, "organisationId");
        json.RejectUnknownFields();
        errors.ThrowIfAny();
        return TypedResults.Created("/api/v1/legal-cases/" + id + "/shares", await handler.ShareAsync(http.User.ToActor(), id, organisation, ct));
    }

    private static async Task<Created<OperationView>> CreateOperationAsync(HttpContext http, Operations handler, CancellationToken ct)
    {
        var (json, errors) = await ReadAsync(http, ct);
        var input = new OperationInput(json.ReadString("type"), json.ReadString("name"), json.ReadString("province"), json.ReadString("plannedOn"), ReadGuid(json, "legalCaseId"));
        json.RejectUnknownFields();
        var created = await handler.CreateAsync(http.User.ToActor(), input, ct, errors);
        return TypedResults.Created("/api/v1/operations/" + created.Id, created);
    }

    private static async Task<Ok<OperationView>> SetPlanAsync(Guid id, HttpContext http, Operations handler, CancellationToken ct)
    {
        var (json, errors) = await ReadAsync(http, ct);
        var input = new OperationPlanInput(json.ReadInteger("shelterPlaces"), json.ReadInteger("interpreters"), json.ReadInteger("childSpecialists"),
            json.ReadString("medicalArrangements"), json.ReadString("prosecutionLead"));
        json.RejectUnknownFields();
        return TypedResults.Ok(await handler.SetPlanAsync(http.User.ToActor(), id, input, ct, errors));
    }
}

/// <summary>The suspect request body's shape, for the OpenAPI document only.</summary>
public sealed record SuspectRequestDocument(string Kind, string Name, IReadOnlyList<string>? Roles, string? Notes);

/// <summary>The share request body's shape, for the OpenAPI document only.</summary>
public sealed record ShareRequestDocument(Guid OrganisationId);
