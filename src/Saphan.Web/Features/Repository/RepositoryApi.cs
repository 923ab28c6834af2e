using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Saphan.Core;
using Saphan.Core.Features.Repository;
using Saphan.Web.Features.Identity;
using Saphan.Web.Infrastructure;

namespace Saphan.Web.Features.Repository;

/// <summary>
/// The neutral repository (issue 6). Publishing and the naming opt-in: an organisation's admin, for their own
/// organisation. Analysis: analysts and network admins, de-identified counts and records only. Open data: anyone.
/// </summary>
public static class RepositoryApi
{
    public static void MapRepositoryApi(this IEndpointRouteBuilder app)
    {
        var publish = app.MapGroup("/api/v1/repository").WithTags("Repository").RequireAuthorization(Policies.ApiRepositoryPublish);
        publish.MapPost("/publish", PublishAsync).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        publish.MapGet("/settings", (HttpContext http, RepositorySettings settings, CancellationToken ct) => settings.GetAsync(http.User.ToActor(), ct));
        publish.MapPut("/settings", SetAsync).Accepts<RepositorySettingsDocument>("application/json").ProducesValidationProblem();

        var analysis = app.MapGroup("/api/v1/repository").WithTags("Repository").RequireAuthorization(Policies.ApiRepository);
        analysis.MapGet("/summary", (HttpContext http, RepositoryAnalysis handler, CancellationToken ct) => handler.SummaryAsync(http.User.ToActor(), ct))
            .ProducesProblem(StatusCodes.Status403Forbidden);
        analysis.MapGet("/records", (int? page, HttpContext http, RepositoryAnalysis handler, CancellationToken ct) => handler.RecordsAsync(http.User.ToActor(), page ?? 1, ct))
            .ProducesProblem(StatusCodes.Status403Forbidden);

        var open = app.MapGroup("/api/v1/open-data").WithTags("Open data").AllowAnonymous();
        open.MapGet("/figures", (Saphan.Core.Features.Repository.OpenData data, CancellationToken ct) => data.FiguresAsync(ct));
        open.MapGet("/figures.csv", async (Saphan.Core.Features.Repository.OpenData data, CancellationToken ct) =>
            Results.File(Encoding.UTF8.GetBytes(Saphan.Core.Features.Repository.OpenData.FiguresCsv(await data.FiguresAsync(ct))), "text/csv; charset=utf-8", "saphan-network-figures.csv"));
        open.MapGet("/ctdc.csv", async (Saphan.Core.Features.Repository.OpenData data, CancellationToken ct) =>
        {
            var dataset = await data.DatasetAsync(ct);
            return Results.File(Encoding.UTF8.GetBytes(Saphan.Core.Features.Repository.OpenData.Csv(dataset.Columns, dataset.Rows)), "text/csv; charset=utf-8", "saphan-ctdc-k11.csv");
        });
    }

    private static async Task<Results<Ok<PublishResult>, ProblemHttpResult>> PublishAsync(HttpContext http, PublishToRepository handler, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        try
        {
            return TypedResults.Ok(await handler.HandleAsync(actor, actor.OrganisationId, ct));
        }
        catch (NetworkKeyMissingException missing)
        {
            return TypedResults.Problem(missing.Message, statusCode: StatusCodes.Status409Conflict, title: "The network linkage key is not configured.");
        }
    }

    private static async Task<OrganisationRepositoryView> SetAsync(HttpContext http, RepositorySettings settings, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ct);
        var errors = new ValidationErrors();
        bool? named = null;
        if (body.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            errors.Add("$", "Expected a JSON object.");
        }
        else
        {
            foreach (var property in body.EnumerateObject())
            {
                if (property.Name != "namedInCounts")
                {
                    errors.Add(property.Name, "Unknown field.");
                }
                else if (property.Value.ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False)
                {
                    named = property.Value.GetBoolean();
                }
            }

            if (named is null)
            {
                errors.Add("namedInCounts", "Required: true to be named in the repository's counts, false not to be.");
            }
        }

        errors.ThrowIfAny();
        return await settings.SetNamedAsync(http.User.ToActor(), named!.Value, ct);
    }
}

/// <summary>The settings body's shape, for the OpenAPI document only.</summary>
public sealed record RepositorySettingsDocument(bool NamedInCounts);
