using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;

namespace Saphan.Cli;

/// <summary>The services a command needs, configured from the environment exactly as the web host is.</summary>
internal static class CliServices
{
    public static ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        var storage = StorageOptions.FromConfiguration(configuration);
        services.AddSaphanData(storage);
        // Identity's token providers need data protection keys; the CLI keeps them where the web host does.
        services.AddDataProtection().SetApplicationName("saphan")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetDirectoryName(storage.KeyFile)!, "data-protection")));
        services.AddSaphanIdentityCore();
        services.AddScoped<Saphan.Core.Features.Demo.DemoSeeder>();
        services.AddSaphanUseCases();
        return services.BuildServiceProvider();
    }

    /// <summary>Runs a command body in a scope, turning the use cases' errors into a message and exit code 1.</summary>
    public static async Task<int> RunAsync(Func<IServiceProvider, Task<int>> body)
    {
        await using var provider = Build();
        await using var scope = provider.CreateAsyncScope();
        try
        {
            return await body(scope.ServiceProvider);
        }
        catch (ValidationException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {field}: {string.Join(" ", messages)}");
            }

            return 1;
        }
        catch (NotFoundException missing)
        {
            await Console.Error.WriteLineAsync("error: " + missing.Message);
            return 1;
        }
        catch (SchemaOutOfDateException outOfDate)
        {
            await Console.Error.WriteLineAsync("error: " + outOfDate.Message);
            return 1;
        }
    }

    /// <summary>Commands other than `db migrate` work only on a database whose schema is current.</summary>
    public static async Task EnsureSchemaCurrentAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var migrator = services.GetRequiredService<SchemaMigrator>();
        var current = await migrator.CurrentVersionAsync(cancellationToken);
        if (current != migrator.LatestVersion)
        {
            var storage = services.GetRequiredService<StorageOptions>();
            throw new SchemaOutOfDateException(
                $"the database ({storage.Describe()}) has schema version {current}; this Saphan needs {migrator.LatestVersion}. Run: ./saphan db migrate");
        }
    }
}

internal sealed class SchemaOutOfDateException(string message) : Exception(message);
