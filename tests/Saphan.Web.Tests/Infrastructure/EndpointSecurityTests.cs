using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Features.Identity;
using Saphan.Web.Infrastructure;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Infrastructure;

/// <summary>Deny by default, checked over every endpoint the app maps, not over a hand-kept list.</summary>
[Trait("Category", "Database")]
public sealed class EndpointSecurityTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    private List<RouteEndpoint> Endpoints()
    {
        _ = app.Server;
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    [Fact]
    public void Every_endpoint_requires_a_policy_or_is_on_the_anonymous_allow_list()
    {
        var endpoints = Endpoints();
        Assert.NotEmpty(endpoints);
        var offenders = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath;
            if (anonymous)
            {
                var allowed = page is not null ? AnonymousEndpoints.Pages.Contains(page) : AnonymousEndpoints.Routes.ContainsKey(pattern);
                if (!allowed)
                {
                    offenders.Add($"{pattern} allows anonymous access but is not on the allow-list");
                }
            }
            else if (!endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
            {
                offenders.Add($"{pattern} names no authorization policy");
            }
        }

        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public async Task Every_api_endpoint_answers_401_to_an_anonymous_request_and_to_a_cookie_only_request()
    {
        var routes = Endpoints().Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api", StringComparison.Ordinal))
            // Anonymous by design and on the allow-list (the public tip routes): they must not ask for a token.
            .Where(e => !(e.Metadata.GetMetadata<IAllowAnonymous>() is not null && AnonymousEndpoints.Routes.ContainsKey("/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .ToList();
        Assert.NotEmpty(routes);
        var client = app.Anonymous();
        foreach (var endpoint in routes)
        {
            var path = "/" + endpoint.RoutePattern.RawText!.TrimStart('/').Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Json.Body("{}") };
                var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task A_made_up_or_revoked_token_is_refused()
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "sph_" + new string('A', 43));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/cases")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.Tokens[(app.OrgA, Roles.CaseWorker)] + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/cases")).StatusCode);
    }

    [Fact]
    public async Task Health_and_the_openapi_document_are_public_and_describe_the_case_routes()
    {
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var document = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        var text = await document.Content.ReadAsStringAsync();
        Assert.Contains("/api/v1/cases/{id}", text, StringComparison.Ordinal);
        Assert.Contains("givenName", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_redirect_anonymous_visitors_to_sign_in_and_refuse_roles_without_casework()
    {
        var anonymous = await app.Anonymous().GetAsync("/Cases");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var analyst = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Analyst)]);
        var denied = await analyst.GetAsync("/Cases");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var orgAdmin = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.OrgAdmin)]);
        Assert.Equal(HttpStatusCode.Redirect, (await orgAdmin.GetAsync("/Cases/Edit")).StatusCode);
    }
}
