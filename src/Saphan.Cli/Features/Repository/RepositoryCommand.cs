using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.Repository;

namespace Saphan.Cli.Features.Repository;

/// <summary>`saphan repository publish --org ID | --all`: the scheduled publication of an organisation's encodings.</summary>
internal static class RepositoryCommand
{
    public static Command Create()
    {
        var org = new Option<Guid?>("--org") { Description = "The organisation whose persons are encoded and published (see 'saphan org list')" };
        var all = new Option<bool>("--all") { Description = "Publish every organisation that has cases (the demo network)" };
        var publish = new Command("publish", "Encode an organisation's persons with the network key and replace its publication in the repository; then re-link the network")
        {
            org, all,
        };
        publish.SetAction(async (parse, cancellationToken) => await CliServices.RunAsync(async services =>
        {
            await CliServices.EnsureSchemaCurrentAsync(services, cancellationToken);
            var db = services.GetRequiredService<SaphanDbContext>();
            List<Guid> targets;
            if (parse.GetValue(all))
            {
                targets = await db.Cases.Select(c => c.OrganisationId).Distinct().ToListAsync(cancellationToken);
            }
            else if (parse.GetValue(org) is { } id)
            {
                targets = [id];
            }
            else
            {
                await Console.Error.WriteLineAsync("error: give --org ID or --all.");
                return 2;
            }

            try
            {
                var total = await PublishAsync(services, targets, cancellationToken);
                Console.WriteLine(total);
                return 0;
            }
            catch (NetworkKeyMissingException missing)
            {
                await Console.Error.WriteLineAsync("error: " + missing.Message);
                return 1;
            }
        }));
        return new Command("repository", "The neutral repository: publish encodings and de-identified attributes") { publish };
    }

    /// <summary>
    /// The demo's repository: a network key in the demo data folder (beside the master key), some people met again by a
    /// second organisation, and every organisation published.
    /// </summary>
    internal static async Task SeedDemoAsync(IServiceProvider services, CancellationToken cancellationToken, bool addOverlaps = true)
    {
        var options = services.GetRequiredService<RepositoryOptions>();
        if (!File.Exists(options.NetworkKeyFile))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.NetworkKeyFile))!);
            Saphan.Linkage.Clks.LinkageKey.Generate(options.NetworkKeyFile);
            Console.WriteLine("Demo network linkage key written to " + options.NetworkKeyFile);
        }

        if (addOverlaps)
        {
            var overlaps = await services.GetRequiredService<RepositoryDemo>().AddOverlapsAsync(6, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{overlaps} people met again by a second organisation."));
        }

        var named = await services.GetRequiredService<RepositoryDemo>().NamePublicBodiesAsync(cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{named} public bodies chose to be named in the repository's counts."));
        var db = services.GetRequiredService<SaphanDbContext>();
        var organisations = await db.Cases.Select(c => c.OrganisationId).Distinct().ToListAsync(cancellationToken);
        Console.WriteLine(await PublishAsync(services, [.. organisations.Order()], cancellationToken));
    }

    /// <summary>Publishes each organisation in turn (each re-links the network); returns a one-line summary.</summary>
    internal static async Task<string> PublishAsync(IServiceProvider services, IReadOnlyList<Guid> organisations, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        PublishResult? last = null;
        Saphan.Linkage.Clks.LinkageKey? key = null;
        var records = 0;
        for (var i = 0; i < organisations.Count; i++)
        {
            var id = organisations[i];
            using var scope = services.CreateScope();
            // The network key file is read once for the whole batch.
            key ??= scope.ServiceProvider.GetRequiredService<RepositoryOptions>().LoadKey();
            last = await scope.ServiceProvider.GetRequiredService<PublishToRepository>().HandleAsync(Actor.System, id, cancellationToken, relink: i == organisations.Count - 1, key);
            records += last.Records;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"published {id}: {last.Records} records (key {last.KeyId})"));
        }

        return last?.Match is null
            ? "nothing published"
            : string.Create(CultureInfo.InvariantCulture,
                $"published {records} records of {organisations.Count} organisation(s) in {stopwatch.Elapsed.TotalSeconds:F1} s; the network counts {last.Match.Clusters} distinct people ({last.Match.LinkedClusters} met by more than one organisation; last match {last.Match.ElapsedMs} ms){(last.Match.Warning is null ? "" : "; warning: " + last.Match.Warning)}");
    }
}
