using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Organisations;
using Saphan.Testing;

namespace Saphan.Web.Tests.Support;

/// <summary>
/// The real web app (WebApplicationFactory over Program) on a real database, with two organisations
/// and a user in each role, each with an API token. Every log line the app writes is kept for checks.
/// </summary>
public sealed class SaphanAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Correct-Horse-42-Battery";
    private TestDatabase _database = null!;

    public CapturedLogs Logs { get; } = new();
    public Guid OrgA { get; private set; }
    public Guid OrgB { get; private set; }
    public Dictionary<(Guid Org, string Role), string> Tokens { get; } = [];
    public Dictionary<(Guid Org, string Role), string> Emails { get; } = [];
    public TestDatabase Database => _database;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationCommands>();
        OrgA = (await organisations.AddAsync("Mekong Support Foundation", OrganisationTypes.Ngo, "TH-57", default)).Id;
        OrgB = (await organisations.AddAsync("Andaman Shelter", OrganisationTypes.Shelter, "TH-85", default)).Id;
        foreach (var org in new[] { OrgA, OrgB })
        {
            foreach (var role in Roles.All)
            {
                var email = $"{role}.{org.ToString("N")[^8..]}@test.example";
                await AddUserAsync(org, role, email);
                Emails[(org, role)] = email;
                Tokens[(org, role)] = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(email, "tests", null, default);
            }
        }
    }

    public async Task AddUserAsync(Guid org, string role, string email)
    {
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(Actor.System, org, [role], email, Password, null, default);
    }

    /// <summary>An API client acting as a user of an organisation in a role.</summary>
    public HttpClient Api(Guid org, string role)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[(org, role)]);
        return client;
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Host configuration is what Program sees before it builds the app.
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SAPHAN_DATA"] = _database.Storage.DataFolder,
            ["SAPHAN_DB"] = _database.Storage.Engine == DatabaseEngine.Postgres ? _database.Storage.ConnectionString : null,
        }));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment("Development");

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>Keeps every log line written, at every level, so tests can prove what is not in them.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
