using Saphan.Core.Data;
using Saphan.Web.Features.Account;
using Saphan.Web.Features.Cases;
using Saphan.Web.Features.Consents;
using Saphan.Web.Features.Events;
using Saphan.Web.Features.Health;
using Saphan.Web.Features.Identity;
using Saphan.Web.Features.Screenings;
using Saphan.Web.Features.Justice;
using Saphan.Web.Features.Standard;
using Saphan.Web.Features.Tasks;
using Saphan.Web.Features.Tips;
using Saphan.Web.Infrastructure;

namespace Saphan.Web;

/// <summary>The web host: a short list of modules, each adding its services and mapping its endpoints.</summary>
public static class SaphanWebApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Pages are compiled into this assembly, whichever program hosts it (the CLI, the tests).
            ApplicationName = typeof(SaphanWebApp).Assembly.GetName().Name,
            // The CLI runs from its own folder; pages and styles ship beside it.
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot") is var root && Directory.Exists(root) ? root : null,
        });
        // Request lines carry query strings (a search may hold a name): keep them out of the logs.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        // Its keys sit in the data folder beside the master key, which is the trust boundary here.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        configure?.Invoke(builder);

        var storage = StorageOptions.FromConfiguration(builder.Configuration);
        builder.Services.AddSaphanData(storage);
        builder.Services.AddSaphanPlatform(builder.Environment);
        builder.Services.AddSaphanAuthentication();
        builder.Services.AddCasesModule();
        builder.Services.AddTipsModule();
        builder.Services.AddSingleton<Saphan.Web.Features.Import.ImportUploads>();
        builder.Services.AddScoped<Saphan.Web.Features.CaseRecord.CaseRecordPanelLoader>().Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<Saphan.Web.Features.CaseRecord.CaseClosedPageFilter>());
        builder.Services.AddSingleton(builder.Configuration.GetSection("Referrals").Get<Saphan.Core.Features.Referrals.ReferralRules>() ?? new Saphan.Core.Features.Referrals.ReferralRules());
        builder.Services.AddSingleton(builder.Configuration.GetSection("Caseloads").Get<Saphan.Core.Features.Caseloads.CaseloadRules>() ?? new Saphan.Core.Features.Caseloads.CaseloadRules());
        builder.Services.AddSingleton(builder.Configuration.GetSection("Pathways").Get<Saphan.Core.Features.Pathways.PathwayTaskRules>() ?? new Saphan.Core.Features.Pathways.PathwayTaskRules());
        Saphan.Web.Features.Field.FieldApi.AddFieldModule(builder.Services);
        Saphan.Web.Features.Indicators.IndicatorRefresh.AddIndicatorRefresh(builder.Services, builder.Configuration);

        var app = builder.Build();
        app.UseSaphanPlatform();
        app.MapHealth();
        app.MapAccountEndpoints();
        app.MapCasesApi();
        app.MapStandardApi();
        app.MapTipsApi();
        app.MapConsentsApi();
        app.MapEventsApi();
        Saphan.Web.Features.Services.ServicesApi.MapServicesApi(app);
        Saphan.Web.Features.Referrals.ReferralsApi.MapReferralsApi(app);
        Saphan.Web.Features.Caseloads.CaseloadsApi.MapCaseloadsApi(app);
        Saphan.Web.Features.FollowUps.FollowUpsApi.MapFollowUpsApi(app);
        app.MapTasksApi();
        app.MapScreeningsApi();
        app.MapJusticeApi();
        Saphan.Web.Features.CaseRecord.CaseRecordApi.MapCaseRecordApi(app);
        Saphan.Web.Features.Pathways.PathwaysApi.MapPathwaysApi(app);
        Saphan.Web.Features.Repository.RepositoryApi.MapRepositoryApi(app);
        Saphan.Web.Features.Indicators.IndicatorsApi.MapIndicatorsApi(app);
        Saphan.Web.Features.Trainings.TrainingsApi.MapTrainingsApi(app);
        Saphan.Web.Features.Field.FieldApi.MapFieldApi(app);
        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
