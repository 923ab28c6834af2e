namespace Saphan.Web.Features.Health;

public static class HealthEndpoints
{
    public static IEndpointConventionBuilder MapHealth(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks("/healthz").AllowAnonymous();
}
