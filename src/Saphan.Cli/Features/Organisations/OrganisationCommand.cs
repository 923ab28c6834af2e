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

        return new Command("org", "Organisations of the network") { add, list };
    }
}
