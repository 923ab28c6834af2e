using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Saphan.Core;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Services;
using Saphan.Web.Features.Identity;
using Saphan.Web.Infrastructure;

namespace Saphan.Web.Features.Services;

/// <summary>
/// The network's service directory: every signed-in member reads it; an org admin or supervisor publishes and
/// changes its own organisation's services (403 for other roles, 404 for another organisation's service).
/// </summary>
public static class ServicesApi
{
    public static RouteGroupBuilder MapServicesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/services").WithTags("Services").RequireAuthorization(Policies.Api);
        group.MapGet("/", SearchAsync);
        group.MapGet("/export.csv", ExportAsync).Produces<string>(StatusCodes.Status200OK, "text/csv");
        group.MapGet("/{id:guid}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).Accepts<ServiceRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/{id:guid}", UpdateAsync).Accepts<ServiceRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    internal static ServiceFilter Filter(HttpRequest request)
    {
        var q = request.Query;
        int? age = int.TryParse(q["age"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var a) ? a : null;
        return new ServiceFilter(Clean(q["type"]), Clean(q["province"]), Clean(q["language"]), Clean(q["gender"]), age, Clean(q["nationality"]));
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static async Task<Ok<IReadOnlyList<ServiceView>>> SearchAsync(HttpContext http, ServiceDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.SearchAsync(http.User.ToActor(), Filter(http.Request), cancellationToken));

    private static async Task<FileContentHttpResult> ExportAsync(HttpContext http, ServiceDirectory directory, CancellationToken cancellationToken)
    {
        var services = await directory.SearchAsync(http.User.ToActor(), Filter(http.Request), cancellationToken);
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ServiceDirectory.ToCsv(services))).ToArray(),
            "text/csv; charset=utf-8", "saphan-services-3w.csv");
    }

    private static async Task<Ok<ServiceView>> GetAsync(Guid id, HttpContext http, ServiceDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.GetAsync(http.User.ToActor(), id, cancellationToken));

    private static async Task<Created<ServiceView>> CreateAsync(HttpContext http, ServiceDirectory directory, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken);
        var errors = new ValidationErrors();
        var input = ServiceInput.FromJson(new JsonInput(body, errors));
        var created = await directory.CreateAsync(http.User.ToActor(), input, cancellationToken, errors);
        return TypedResults.Created($"/api/v1/services/{created.Id}", created);
    }

    private static async Task<Ok<ServiceView>> UpdateAsync(Guid id, HttpContext http, ServiceDirectory directory, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken);
        var errors = new ValidationErrors();
        var input = ServiceInput.FromJson(new JsonInput(body, errors));
        return TypedResults.Ok(await directory.UpdateAsync(http.User.ToActor(), id, input, cancellationToken, errors));
    }
}

/// <summary>The request body's shape, for the OpenAPI document only.</summary>
public sealed record ServiceRequestDocument(string Type, string Name, IReadOnlyList<string> Provinces, IReadOnlyList<string>? Languages,
    IReadOnlyList<string>? Genders, int? MinAge, int? MaxAge, IReadOnlyList<string>? Nationalities, int Capacity, int? Available, string? ContactRoute);
