namespace Saphan.Web.Infrastructure;

/// <summary>
/// The complete list of what answers without signing in. Everything else is denied by default; a test
/// fails when an endpoint is mapped that neither requires a policy nor appears here.
/// </summary>
public static class AnonymousEndpoints
{
    /// <summary>Pages (Razor page paths) open to anyone.</summary>
    public static readonly IReadOnlyList<string> Pages =
    [
        "/Account/Login", "/Account/LoginWith2fa", "/Error",
        // The public tip form (/tip) and the receipt check (/tip/status): tips are anonymous by design;
        // they store nothing about the sender's connection and are rate-limited per source.
        "/Tips/Submit", "/Tips/Status",
        // Open data of the neutral repository: suppressed network figures and a k-anonymous dataset (k = 11).
        "/OpenData/Index",
    ];

    /// <summary>Route patterns open to anyone, with why.</summary>
    public static readonly IReadOnlyDictionary<string, string> Routes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/healthz"] = "liveness probe for the operator; reveals nothing but 'Healthy'",
        ["/openapi/{documentName}.json"] = "the API's published contract; holds no data",
        ["/culture"] = "switching the page language before signing in",
        ["/api/v1/standard"] = "the data dictionary (field codes, labels, value sets); describes fields, holds no record",
        ["/api/v1/tips"] = "POST: anonymous public tip (GET, the triage queue, needs a hotline token); rate-limited per source",
        ["/api/v1/tips/status/{receipt}"] = "a tip's coarse status for whoever holds its receipt code; rate-limited per source",
        ["/api/v1/tips/status/{receipt}/notes"] = "the sender adds information with the receipt code; rate-limited per source",
        ["/api/v1/open-data/figures"] = "open data: network figures, every cell below 11 suppressed; organisations named only by their opt-in",
        ["/api/v1/open-data/figures.csv"] = "open data: the same figures as CSV",
        ["/api/v1/open-data/ctdc.csv"] = "open data: CTDC-compatible de-identified dataset, k-anonymous with k = 11 over its quasi-identifiers",
    };
}
