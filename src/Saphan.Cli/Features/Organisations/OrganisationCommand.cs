using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Features.Organisations;

namespace Saphan.Cli.Features.Organisations;

internal static class OrganisationCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "The organisation's name", Required = true };
        var type = new Option<string>("--type") { Description = "One of: " + string.Join(", ", OrganisationTypes.All), Required = true };
        var province = new Option<string?>("--province") { Description = "ISO 3166-2:TH code of its home province, e.g. TH-50" };
        var add = new Command("add", "Add an organisation; prints its id") { name, type, province };
        add.SetAction((parse, cancellationToken) => CliServices.RunAsync(async services =>
        {
            await CliServices.EnsureSchemaCurrentAsync(services, cancellationToken);
            var organisation = await services.GetRequiredService<OrganisationCommands>()
                .AddAsync(parse.GetValue(name)!, parse.GetValue(type)!, parse.GetValue(province), cancellationToken);
            Console.WriteLine(organisation.Id);
            return 0;
        }));

        var list = new Command("list", "List organisations: id, type, name");
        list.SetAction((_, cancellationToken) => CliServices.RunAsync(async services =>
        {
            await CliServices.EnsureSchemaCurrentAsync(services, cancellationToken);
            foreach (var organisation in await services.GetRequiredService<OrganisationCommands>().ListAsync(cancellationToken))
            {
                Console.WriteLine($"{organisation.Id}\t{organisation.Type}\t{organisation.Name}");
            }

            return 0;
        }));

        var org = new Option<Guid>("--org") { Description = "The organisation's id", Required = true };
        var provinces = new Option<string[]>("--province") { Description = "A province it covers (repeat the option); none clears the list", AllowMultipleArgumentsPerToken = true };
        var coverage = new Command("coverage", "Declare the provinces a partner organisation covers (tip routing suggestions)") { org, provinces };
        coverage.SetAction((parse, cancellationToken) => CliServices.RunAsync(async services =>
        {
            await CliServices.EnsureSchemaCurrentAsync(services, cancellationToken);
            var list = parse.GetValue(provinces) ?? [];
            await services.GetRequiredService<Saphan.Core.Features.Tips.TipRouting>().SetCoverageAsync(parse.GetValue(org), list, cancellationToken);
            Console.WriteLine($"{list.Length} provinces");
            return 0;
        }));

        return new Command("org", "Organisations of the network") { add, list, coverage };
    }
}
