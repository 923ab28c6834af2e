using Microsoft.AspNetCore.Http.HttpResults;
using Saphan.Core;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Screenings;
using Saphan.Web.Features.Identity;
using Saphan.Web.Infrastructure;

namespace Saphan.Web.Features.Screenings;

/// <summary>
/// A case's screenings. Same organisation and role rules as the case; health instruments (PHQ-9, GAD-7,
/// PCL-5, the suicide question) only for supervisors and case workers (403 to record, hidden from lists for others).
/// </summary>
public static class ScreeningsApi
{
    public static RouteGroupBuilder MapScreeningsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cases/{id:guid}/screenings").WithTags("Screenings").RequireAuthorization(Policies.ApiCasesRead);
        group.MapPost("/", RecordAsync).RequireAuthorization(Policies.ApiCasesWrite)
            .Accepts<ScreeningRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListAsync).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/v1/screening-instruments", Instruments).WithTags("Screenings").RequireAuthorization(Policies.Api);
        return group;
    }

    private static async Task<Created<ScreeningView>> RecordAsync(Guid id, HttpContext http, RecordScreening handler, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken);
        var errors = new ValidationErrors();
        var input = ScreeningInput.FromJson(new JsonInput(body, errors));
        var recorded = await handler.HandleAsync(http.User.ToActor(), id, input, cancellationToken, errors);
        return TypedResults.Created($"/api/v1/cases/{id}/screenings", recorded);
    }

    private static async Task<Ok<CaseScreeningsView>> ListAsync(Guid id, HttpContext http, ListScreenings handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.HandleAsync(http.User.ToActor(), id, cancellationToken));

    private static Ok<IEnumerable<InstrumentDocument>> Instruments() =>
        TypedResults.Ok(ScreeningInstruments.All.Select(i => new InstrumentDocument(i.Code, i.Version, i.English, i.Thai, i.Category, i.Source, i.RuleEnglish,
            i.UnderAge, i.Items.Select(x => new InstrumentItemDocument(x.Code, x.English, x.Thai)),
            i.Options.Select(o => new InstrumentOptionDocument(int.Parse(o.Code, System.Globalization.CultureInfo.InvariantCulture), o.English, o.Thai)),
            i.Bands.Select(b => new InstrumentBandDocument(b.Code, b.Minimum, b.Maximum, b.English, b.Thai, b.MeaningEnglish)))));
}

/// <summary>The request body's shape, for the OpenAPI document only.</summary>
public sealed record ScreeningRequestDocument(string Instrument, int[] Answers);

public sealed record InstrumentDocument(string Code, string Version, string English, string Thai, string Category, string Source, string Rule, int? UnderAge,
    IEnumerable<InstrumentItemDocument> Items, IEnumerable<InstrumentOptionDocument> Options, IEnumerable<InstrumentBandDocument> Bands);

public sealed record InstrumentItemDocument(string Code, string English, string Thai);

public sealed record InstrumentOptionDocument(int Value, string English, string Thai);

public sealed record InstrumentBandDocument(string Code, int Minimum, int Maximum, string English, string Thai, string Meaning);
