using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core;
using Saphan.Core.Features.Identity;

namespace Saphan.Cli.Features.Users;

internal static class UserCommand
{
    public static Command Create()
    {
        var org = new Option<Guid>("--org") { Description = "The organisation's id (see: ./saphan org list)", Required = true };
        var role = new Option<string[]>("--role") { Description = "Role in the organisation, repeatable: " + string.Join(", ", Roles.All), Required = true };
        var email = new Option<string>("--email") { Description = "Sign-in e-mail", Required = true };
        var password = new Option<string>("--password") { Description = "At least 12 characters with upper and lower case and a digit", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name" };
        var add = new Command("add", "Add a staff account to an organisation") { org, role, email, password, name };
        add.SetAction((parse, cancellationToken) => CliServices.RunAsync(async services =>
        {
            await CliServices.EnsureSchemaCurrentAsync(services, cancellationToken);
            var user = await services.GetRequiredService<UserAccounts>().AddAsync(Actor.System, parse.GetValue(org), parse.GetValue(role)!,
                parse.GetValue(email)!, parse.GetValue(password)!, parse.GetValue(name), cancellationToken);
            Console.WriteLine(user.Id);
            return 0;
        }));
        var who = new Option<string>("--email") { Description = "Sign-in e-mail of the account", Required = true };
        var endSessions = new Command("end-sessions", "Sign the account out everywhere (a lost phone): the field form wipes its entries at its next sync") { who };
        endSessions.SetAction((parse, cancellationToken) => CliServices.RunAsync(async services =>
        {
            await CliServices.EnsureSchemaCurrentAsync(services, cancellationToken);
            await services.GetRequiredService<UserAccounts>().EndSessionsAsync(Actor.System, parse.GetValue(who)!, cancellationToken);
            Console.WriteLine("sessions ended");
            return 0;
        }));
        return new Command("user", "Staff accounts") { add, endSessions };
    }
}

internal static class TokenCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The account the token acts for", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for", DefaultValueFactory = _ => "cli" };
        var days = new Option<int?>("--days") { Description = "Expire after this many days (default: never)" };
        var create = new Command("create", "Print a new API token for a user (only its hash is stored)") { email, name, days };
        create.SetAction((parse, cancellationToken) => CliServices.RunAsync(async services =>
        {
            await CliServices.EnsureSchemaCurrentAsync(services, cancellationToken);
            var lifetime = parse.GetValue(days) is { } d ? TimeSpan.FromDays(d) : (TimeSpan?)null;
            Console.WriteLine(await services.GetRequiredService<ApiTokens>().CreateAsync(parse.GetValue(email)!, parse.GetValue(name)!, lifetime, cancellationToken));
            return 0;
        }));
        return new Command("token", "API tokens") { create };
    }
}
