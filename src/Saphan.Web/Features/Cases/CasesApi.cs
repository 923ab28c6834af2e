using Microsoft.AspNetCore.Http.HttpResults;
using Saphan.Core;
using Saphan.Core.Features.Cases;
using Saphan.Web.Features.Identity;
using Saphan.Web.Infrastructure;

namespace Saphan.Web.Features.Cases;

public static class CasesApi
{
    public static IServiceCollection AddCasesModule(this IServiceCollection services) => services.AddSaphanUseCases();

    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization(Policies.ApiCasesRead);
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.ApiCasesWrite)
            .Accepts<CaseRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/{id:guid}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", SearchAsync);
        group.MapPatch("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.ApiCasesWrite)
            .Accepts<CaseRequestDocument>("application/merge-patch+json", "application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Created<CaseView>> CreateAsync(HttpContext http, CreateCase handler, CancellationToken cancellationToken)
    {
        var input = await ReadInputAsync(http, cancellationToken);
        var created = await handler.HandleAsync(http.User.ToActor(), input.Case, cancellationToken, input.Errors);
        return TypedResults.Created("/api/v1/cases/" + created.Id, created);
    }

    private static async Task<Ok<CaseView>> GetAsync(Guid id, HttpContext http, GetCase handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.HandleAsync(http.User.ToActor(), id, cancellationToken));

    private static async Task<Results<Ok<CasePage>, ValidationProblem>> SearchAsync(
        HttpContext http, SearchCases handler, CancellationToken cancellationToken,
        string? q = null, string? status = null, string? province = null, Guid? assignedTo = null, int page = 1, int pageSize = 25)
    {
        var errors = new ValidationErrors();
        if (status is not null && !Core.Features.Reference.ValueSets.CaseStatus.Contains(status))
        {
            errors.Add("status", $"Unknown case status. Use one of: {Core.Features.Reference.ValueSets.CaseStatus.Describe()}.");
        }

        if (province is not null && !Core.Features.Reference.Provinces.IsKnown(province))
        {
            errors.Add("province", "Not an ISO 3166-2:TH province code.");
        }

        if (q is { Length: > 200 })
        {
            errors.Add("q", "At most 200 characters.");
        }

        if (pageSize is < 1 or > SearchCases.MaxPageSize || page < 1)
        {
            errors.Add("pageSize", $"page ≥ 1 and pageSize from 1 to {SearchCases.MaxPageSize}.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var result = await handler.HandleAsync(http.User.ToActor(), new SearchCases.Query(q, status, province, assignedTo, page, pageSize), cancellationToken);
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<CaseView>> UpdateAsync(Guid id, HttpContext http, UpdateCase handler, CancellationToken cancellationToken)
    {
        var input = await ReadInputAsync(http, cancellationToken, patch: true);
        return TypedResults.Ok(await handler.HandleAsync(http.User.ToActor(), id, input.Case, cancellationToken, input.Errors));
    }

    private static async Task<(CaseInput Case, ValidationErrors Errors)> ReadInputAsync(HttpContext http, CancellationToken cancellationToken, bool patch = false)
    {
        if (patch && http.Request.ContentType?.StartsWith("application/merge-patch+json", StringComparison.OrdinalIgnoreCase) == true)
        {
            http.Request.ContentType = "application/json";
        }

        var body = await JsonBody.ReadAsync(http.Request, cancellationToken);
        var errors = new ValidationErrors();
        var input = CaseInput.FromJson(new JsonInput(body, errors));
        return (input, errors);
    }
}

/// <summary>The request body's shape, for the OpenAPI document only: bodies are read field by field (see <see cref="JsonInput"/>).</summary>
public sealed record CaseRequestDocument(
    PersonRequestDocument Person,
    string IdentifiedOn,
    string Province,
    string? IdentificationRoute,
    string? Status,
    Guid? AssignedWorkerId,
    string? Summary);

public sealed record PersonRequestDocument(
    string GivenName,
    string? FamilyName,
    IReadOnlyList<string>? OtherNames,
    string? BirthDate,
    int? EstimatedAge,
    string? Gender,
    IReadOnlyList<string>? Citizenship,
    IReadOnlyList<string>? Languages,
    string? Phone,
    string? Address,
    IReadOnlyList<DocumentView>? IdentityDocuments);
