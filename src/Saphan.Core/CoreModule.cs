using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Consents;
using Saphan.Core.Features.Events;
using Saphan.Core.Features.Organisations;
using Saphan.Core.Features.Persons;
using Saphan.Core.Features.Tips;

namespace Saphan.Core;

public static class CoreModule
{
    /// <summary>The use cases of every core feature, one line a feature.</summary>
    public static IServiceCollection AddSaphanUseCases(this IServiceCollection services)
    {
        services.AddScoped<OrganisationCommands>();
        services.AddScoped<PersonIndexer>();
        services.AddScoped<CreateCase>().AddScoped<GetCase>().AddScoped<UpdateCase>().AddScoped<SearchCases>();
        services.AddSingleton<TipReceipts>().AddScoped<SubmitTip>().AddScoped<RecordPhoneTip>().AddScoped<CheckTipStatus>().AddScoped<AddTipFollowUp>()
            .AddScoped<SearchTips>().AddScoped<GetTip>().AddScoped<UpdateTip>().AddScoped<AddTipNote>();
        services.AddScoped<RecordConsent>().AddScoped<GetConsents>();
        services.AddScoped<CreateEvent>().AddScoped<ListEvents>();
        services.AddScoped<Saphan.Core.Features.Import.ImportCsv>();
        services.AddScoped<Saphan.Core.Features.Services.ServiceDirectory>().AddScoped<Saphan.Core.Features.Referrals.ReferralCommands>()
            .AddSingleton<Saphan.Core.Features.Referrals.ReferralRules>();
        services.AddScoped<Saphan.Core.Features.FollowUps.FollowUpCommands>();
        services.AddScoped<Saphan.Core.Features.Caseloads.GetCaseloads>().AddSingleton<Saphan.Core.Features.Caseloads.CaseloadRules>();
        services.AddScoped<Saphan.Core.Features.Tasks.OpenTask>().AddScoped<Saphan.Core.Features.Tasks.ListTasks>().AddScoped<Saphan.Core.Features.Tasks.CompleteTask>();
        services.AddScoped<Saphan.Core.Features.Screenings.RecordScreening>().AddScoped<Saphan.Core.Features.Screenings.ListScreenings>();
        services.AddScoped<Saphan.Core.Features.Justice.Suspects>().AddScoped<Saphan.Core.Features.Justice.LegalCases>()
            .AddScoped<Saphan.Core.Features.Justice.Operations>().AddScoped<Saphan.Core.Features.Justice.JusticeFigures>();
        services.AddScoped<TipTriage>();
        services.AddScoped<TipRouting>().AddScoped<Saphan.Core.Features.Justice.LegalCaseSharing>();
        services.AddScoped<Saphan.Core.Features.Export.ExportRecords>();
        services.AddScoped<Saphan.Core.Features.CaseRecord.SaveVulnerability>().AddScoped<Saphan.Core.Features.CaseRecord.GetVulnerability>()
            .AddScoped<Saphan.Core.Features.CaseRecord.SupportPlans>().AddScoped<Saphan.Core.Features.CaseRecord.CaseComments>().AddScoped<Saphan.Core.Features.CaseRecord.CaseClosure>();
        services.AddScoped<Saphan.Core.Features.Pathways.PathwayCommands>().AddScoped<Saphan.Core.Features.Pathways.GetGaps>();
        services.AddScoped<Saphan.Core.Features.CaseRecord.SaveVictimContext>().AddScoped<Saphan.Core.Features.CaseRecord.GetVictimContext>();
        // Issue 6: the neutral repository (publish, analysis, open data); the network key file sits beside the master key.
        services.AddSingleton(sp => new Saphan.Core.Features.Repository.RepositoryOptions(
            sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>()?["SAPHAN_NETWORK_KEY_FILE"] is { Length: > 0 } file ? file
                : Path.Combine(Path.GetDirectoryName(sp.GetRequiredService<Saphan.Core.Data.StorageOptions>().KeyFile)!, "network.key"))
        {
            Threshold = double.TryParse(sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>()?["SAPHAN_REPOSITORY_THRESHOLD"], System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out var threshold) && threshold is > 0 and <= 1 ? threshold : Saphan.Core.Features.Repository.RepositoryOptions.DefaultThreshold,
            AmbiguityMargin = double.TryParse(sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>()?["SAPHAN_REPOSITORY_AMBIGUITY_MARGIN"], System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out var margin) && margin is >= 0 and < 1 ? margin : 0,
        });
        services.AddScoped<Saphan.Core.Features.Repository.PublishToRepository>().AddScoped<Saphan.Core.Features.Repository.RepositorySettings>()
            .AddScoped<Saphan.Core.Features.Repository.RepositoryAnalysis>().AddScoped<Saphan.Core.Features.Repository.OpenData>()
            .AddScoped<Saphan.Core.Features.Repository.RepositoryDemo>();
        services.AddSingleton<Saphan.Core.Features.Repository.OpenDataCache>();
        services.AddScoped<Saphan.Core.Features.Indicators.GetIndicators>().AddScoped<Saphan.Core.Features.Indicators.AgeBandBackfill>();
        services.AddScoped<Saphan.Core.Features.Trainings.TrainingRecords>();
        services.AddScoped<Saphan.Core.Features.Pathways.PathwayStepTasks>().AddSingleton<Saphan.Core.Features.Pathways.PathwayTaskRules>();
        return services;
    }
}
