using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Saphan.Core.Data;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Infrastructure;

/// <summary>What every feature relies on: pages, languages, errors as ProblemDetails, limits and headers.</summary>
public static class PlatformModule
{
    public static readonly CultureInfo[] Cultures = [new("en-GB"), new("th-TH")];

    /// <summary>Largest JSON body any API endpoint reads; larger ones answer 413.</summary>
    public const int MaxJsonBodyBytes = 64 * 1024;

    public static IServiceCollection AddSaphanPlatform(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddRazorPages(options =>
            {
                // Pages live beside the rest of their feature: Features/Cases/Index.cshtml is /Cases.
                options.RootDirectory = "/Features";
                options.Conventions.AuthorizeFolder("/", Policies.SignedIn);
                options.Conventions.AuthorizeFolder("/Cases", Policies.CasesRead);
                options.Conventions.AuthorizePage("/Cases/Edit", Policies.CasesWrite);
                foreach (var page in AnonymousEndpoints.Pages)
                {
                    options.Conventions.AllowAnonymousToPage(page);
                }
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            // The choice is remembered in a cookie; the browser's language decides the first visit.
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        // Thai, Burmese, Khmer and Lao text is written as text, not as character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "saphan.af";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        var storage = services.BuildStorageOptions();
        services.AddDataProtection()
            .SetApplicationName("saphan")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetDirectoryName(storage.KeyFile)!, "data-protection")));
        services.AddHealthChecks();
        // Features add named per-source policies (in memory only); nothing is limited unless it names one.
        services.AddRateLimiter(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        _ = environment;
        return services;
    }

    public static WebApplication UseSaphanPlatform(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler("/Error");
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), api => api.UseStatusCodePages());
        app.Use(SecurityHeaders.AddAsync);
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    private static StorageOptions BuildStorageOptions(this IServiceCollection services) =>
        (StorageOptions)services.Single(d => d.ServiceType == typeof(StorageOptions)).ImplementationInstance!;
}
