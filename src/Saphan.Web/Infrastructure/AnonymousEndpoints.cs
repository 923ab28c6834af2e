namespace Saphan.Web.Infrastructure;

/// <summary>
/// The complete list of what answers without signing in. Everything else is denied by default; a test
/// fails when an endpoint is mapped that neither requires a policy nor appears here.
/// </summary>
public static class AnonymousEndpoints
{
    /// <summary>Pages (Razor page paths) open to anyone.</summary>
    public static readonly IReadOnlyList<string> Pages = ["/Account/Login", "/Account/LoginWith2fa", "/Error"];

    /// <summary>Route patterns open to anyone, with why.</summary>
    public static readonly IReadOnlyDictionary<string, string> Routes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/healthz"] = "liveness probe for the operator; reveals nothing but 'Healthy'",
        ["/openapi/{documentName}.json"] = "the API's published contract; holds no data",
        ["/culture"] = "switching the page language before signing in",
    };
}
