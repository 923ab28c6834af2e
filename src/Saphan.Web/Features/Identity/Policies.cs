using Microsoft.AspNetCore.Authorization;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Tips;

namespace Saphan.Web.Features.Identity;

/// <summary>
/// Named authorization policies. Pages authenticate with the sign-in cookie; the API only with bearer
/// tokens, so a browser's cookie can never be used to call the API from another site.
/// </summary>
public static class Policies
{
    public const string SignedIn = "signed-in";
    public const string CasesRead = "cases.read";
    public const string CasesWrite = "cases.write";
    public const string Api = "api";
    public const string ApiCasesRead = "api.cases.read";
    public const string ApiCasesWrite = "api.cases.write";
    public const string TipsTriage = "tips.triage";
    public const string ApiTipsTriage = "api.tips.triage";
    public const string Justice = "justice";
    public const string ApiJustice = "api.justice";
    public const string Import = "import";
    public const string Export = "export";
    public const string Repository = "repository";
    public const string ApiRepository = "api.repository";
    public const string RepositoryPublish = "repository.publish";
    public const string ApiRepositoryPublish = "api.repository.publish";

    public static void Register(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fallback = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        // Deny by default: an endpoint that states nothing still requires a signed-in user.
        options.FallbackPolicy = fallback;
        options.AddPolicy(SignedIn, fallback);
        options.AddPolicy(CasesRead, p => p.RequireRole(Roles.CaseReaders));
        options.AddPolicy(CasesWrite, p => p.RequireRole(Roles.CaseWriters));
        options.AddPolicy(Api, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser());
        options.AddPolicy(ApiCasesRead, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireRole(Roles.CaseReaders));
        options.AddPolicy(ApiCasesWrite, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireRole(Roles.CaseWriters));
        // Hotline roles; that the organisation is a hotline is checked by TipAccess (403 otherwise).
        options.AddPolicy(TipsTriage, p => p.RequireRole(TipAccess.TriageRoles));
        options.AddPolicy(ApiTipsTriage, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireRole(TipAccess.TriageRoles));
        // Suspects, legal cases, operations: law enforcement only; the organisation boundary is JusticeAccess's (404).
        options.AddPolicy(Justice, p => p.RequireRole(Saphan.Core.Features.Justice.JusticeAccess.JusticeRoles));
        options.AddPolicy(ApiJustice, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireRole(Saphan.Core.Features.Justice.JusticeAccess.JusticeRoles));
        // The upload and export pages: the organisation's admins and supervisors (identifying export columns: supervisors only).
        options.AddPolicy(Import, p => p.RequireRole(Saphan.Core.Features.Import.ImportCsv.ImportRoles));
        options.AddPolicy(Export, p => p.RequireRole(Saphan.Core.Features.Export.ExportRecords.ExportRoles));
        // The repository's analysis: analysts and network admins; publishing and opt-in: an organisation's admin (issue 6).
        options.AddPolicy(Repository, p => p.RequireRole(Saphan.Core.Features.Repository.RepositoryAccess.AnalystRoles));
        options.AddPolicy(ApiRepository, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireRole(Saphan.Core.Features.Repository.RepositoryAccess.AnalystRoles));
        options.AddPolicy(RepositoryPublish, p => p.RequireRole(Saphan.Core.Features.Repository.RepositoryAccess.PublisherRoles));
        options.AddPolicy(ApiRepositoryPublish, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireRole(Saphan.Core.Features.Repository.RepositoryAccess.PublisherRoles));
    }
}
