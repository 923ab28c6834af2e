using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Saphan.Core.Data;
using Saphan.Web;

namespace Saphan.Cli.Features.Serve;

internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Option<string> UrlsOption() =>
        new("--urls") { Description = "Where to listen", DefaultValueFactory = _ => DefaultUrls };

    public static Command Create()
    {
        var urls = UrlsOption();
        var migrate = new Option<bool>("--migrate") { Description = "Apply pending schema migrations before serving" };
        var serve = new Command("serve", "Serve the web app and the API") { urls, migrate };
        serve.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(migrate))
            {
                var code = await CliServices.RunAsync(async services =>
                {
                    await services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken: cancellationToken);
                    return 0;
                });
                if (code != 0)
                {
                    return code;
                }
            }

            return await RunAsync(parse.GetValue(urls)!, cancellationToken);
        });
        return serve;
    }

    public static async Task<int> RunAsync(string urls, CancellationToken cancellationToken)
    {
        var check = await CliServices.RunAsync(async services =>
        {
            await CliServices.EnsureSchemaCurrentAsync(services, cancellationToken);
            return 0;
        });
        if (check != 0)
        {
            return check;
        }

        var app = SaphanWebApp.Build(["--urls", urls]);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException cannotListen)
        {
            await Console.Error.WriteLineAsync($"error: --urls: cannot listen on {urls}: {cannotListen.Message}");
            return 1;
        }

        Console.WriteLine($"Saphan is serving {app.Services.GetRequiredService<StorageOptions>().Describe()} at {urls}  (Ctrl+C stops)");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
