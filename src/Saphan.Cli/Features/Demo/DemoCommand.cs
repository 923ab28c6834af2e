using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Cli.Features.Serve;
using Saphan.Core.Data;
using Saphan.Core.Features.Demo;

namespace Saphan.Cli.Features.Demo;

internal static class DemoCommand
{
    /// <summary>Every demo account has this password; the demo database is synthetic and local.</summary>
    public const string Password = "Saphan-Demo-2026";

    public static Command Create()
    {
        var persons = new Option<int>("--persons") { Description = "How many synthetic persons to create", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same network", DefaultValueFactory = _ => 2026 };
        var urls = ServeCommand.UrlsOption();
        var noServe = new Option<bool>("--no-serve") { Description = "Seed only, do not start the web app" };
        var demo = new Command("demo", "Seed a synthetic network (organisations, staff in every role, persons and cases) into the data folder, then serve it")
        {
            persons, seed, urls, noServe,
        };
        demo.SetAction(async (parse, cancellationToken) =>
        {
            var code = await CliServices.RunAsync(async services =>
            {
                var storage = services.GetRequiredService<StorageOptions>();
                await services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken: cancellationToken);
                var loginsFile = Path.Combine(storage.DataFolder, "demo-logins.txt");
                if (await services.GetRequiredService<SaphanDbContext>().Organisations.AnyAsync(cancellationToken))
                {
                    Console.WriteLine($"Using the existing data in {storage.Describe()} (delete the data folder for a fresh demo).");
                }
                else
                {
                    var count = parse.GetValue(persons);
                    if (count is < 0 or > 1_000_000)
                    {
                        await Console.Error.WriteLineAsync("error: --persons: from 0 to 1,000,000.");
                        return 1;
                    }

                    Console.WriteLine($"Seeding {count.ToString("N0", CultureInfo.InvariantCulture)} synthetic persons into {storage.Describe()} ...");
                    var result = await services.GetRequiredService<DemoSeeder>().SeedAsync(parse.GetValue(seed), count, Password, cancellationToken, activity: true);
                    await File.WriteAllTextAsync(loginsFile, Format(result), cancellationToken);
                    Console.WriteLine($"Seeded {result.Organisations} organisations and {result.Cases.ToString("N0", CultureInfo.InvariantCulture)} cases in {result.Elapsed.TotalSeconds:F1} s.");
                    if (result.Activity is { } activity)
                    {
                        Console.WriteLine($"Two years of the network's work, in {activity.Elapsed.TotalSeconds:F1} s of that: "
                            + string.Join(", ", activity.Written.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{w.Value.ToString(CultureInfo.InvariantCulture)} {w.Key}")) + ".");
                    }

                    Console.WriteLine($"{result.MetAgain.ToString(CultureInfo.InvariantCulture)} people met again by a second organisation.");
                    await Saphan.Cli.Features.Repository.RepositoryCommand.SeedDemoAsync(services, cancellationToken, addOverlaps: false);
                    // The indicator facts of everything just written, before serving: the first dashboard (and the
                    // background refresh, which would otherwise hold the write lock in the first minute) has nothing left to do.
                    var facts = System.Diagnostics.Stopwatch.StartNew();
                    await Saphan.Core.Features.Indicators.IndicatorFacts.PrepareAsync(services.GetRequiredService<Saphan.Core.Data.SaphanDbContext>(), cancellationToken);
                    Console.WriteLine($"Indicator facts brought up to date in {facts.Elapsed.TotalSeconds:F1} s.");
                }

                if (File.Exists(loginsFile))
                {
                    Console.WriteLine();
                    Console.Write(await File.ReadAllTextAsync(loginsFile, cancellationToken));
                }

                return 0;
            });
            if (code != 0 || parse.GetValue(noServe))
            {
                return code;
            }

            return await ServeCommand.RunAsync(parse.GetValue(urls)!, cancellationToken);
        });
        return demo;
    }

    private static string Format(DemoSeedResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Demo logins (password for all: {Password})");
        foreach (var group in result.Logins.GroupBy(l => (l.OrganisationName, l.OrganisationType)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {group.Key.OrganisationName} [{group.Key.OrganisationType}]");
            foreach (var login in group)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {login.Email,-52} {string.Join(", ", login.Roles)}");
            }
        }

        return text.ToString();
    }
}
