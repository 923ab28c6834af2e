using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Organisations;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Tips;

/// <summary>
/// The app on a real database with two hotline organisations (a national one and one based in Chiang
/// Mai) with a user in every role, plus the NGO and shelter of <see cref="SaphanAppFactory"/>. The app
/// runs on a clock the tests move, so "the form was filled in too fast" and "oldest first" are exact.
/// </summary>
public sealed partial class TipsFixture : IAsyncLifetime
{
    public SaphanAppFactory Base { get; } = new();
    public WebApplicationFactory<Program> App { get; private set; } = null!;
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);
    public Guid Hotline { get; private set; }
    public Guid ChiangMaiHotline { get; private set; }
    /// <summary>Partners for routing: a police unit declaring Chon Buri (TH-20) as covered, a labour inspection office based there.</summary>
    public Guid Police { get; private set; }
    public Guid Labour { get; private set; }
    public Dictionary<(Guid Org, string Role), string> Tokens { get; } = [];
    public Dictionary<(Guid Org, string Role), string> Emails { get; } = [];
    private int _nextAddress;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Base).InitializeAsync();
        App = Base.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
        using var scope = App.Services.CreateScope();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationCommands>();
        Hotline = (await organisations.AddAsync("National Anti-Trafficking Hotline", OrganisationTypes.Hotline, null, default)).Id;
        Clock.Advance(TimeSpan.FromSeconds(1));
        ChiangMaiHotline = (await organisations.AddAsync("Chiang Mai Hotline", OrganisationTypes.Hotline, "TH-50", default)).Id;
        Police = (await organisations.AddAsync("Chon Buri Anti-Trafficking Police", OrganisationTypes.Police, "TH-10", default)).Id;
        Labour = (await organisations.AddAsync("Chon Buri Labour Protection Office", OrganisationTypes.LabourInspection, "TH-20", default)).Id;
        await scope.ServiceProvider.GetRequiredService<Saphan.Core.Features.Tips.TipRouting>().SetCoverageAsync(Police, ["TH-20", "TH-21"], default);
        foreach (var org in new[] { Hotline, ChiangMaiHotline, Police, Labour })
        {
            foreach (var role in Roles.All)
            {
                var email = $"{role}.{org.ToString("N")[^8..]}@hotline.example";
                await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(Actor.System, org, [role], email, SaphanAppFactory.Password, null, default);
                Emails[(org, role)] = email;
                Tokens[(org, role)] = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(email, "tests", null, default);
            }
        }

        foreach (var ((org, role), token) in Base.Tokens)
        {
            Tokens[(org, role)] = token;
            Emails[(org, role)] = Base.Emails[(org, role)];
        }
    }

    /// <summary>A client arriving from its own address (a fresh one each call unless given), as a phone on the internet would.</summary>
    public HttpClient Public(IPAddress? address = null, bool cookies = false, string? userAgent = null)
    {
        address ??= NextAddress();
        HttpMessageHandler handler = App.Server.CreateHandler(context => context.Connection.RemoteIpAddress = address);
        if (cookies)
        {
            handler = new CookieContainerHandler { InnerHandler = handler };
        }

        var client = new HttpClient(handler) { BaseAddress = App.Server.BaseAddress };
        if (userAgent is not null)
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        }

        return client;
    }

    public IPAddress NextAddress() => IPAddress.Parse("203.0.113." + (Interlocked.Increment(ref _nextAddress) % 250 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public HttpClient Api(Guid org, string role)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[(org, role)]);
        return client;
    }

    public async Task<HttpClient> SignInAsync(Guid org, string role)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PageSession.PostFormAsync(client, "/Account/Login", new() { ["Email"] = Emails[(org, role)], ["Password"] = SaphanAppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Sends a tip through the API and returns its receipt code.</summary>
    public async Task<string> SubmitAsync(object tip, HttpClient? client = null)
    {
        var response = await (client ?? Public()).PostAsync("/api/v1/tips", Json.Body(tip));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"submit failed: {(int)response.StatusCode} {text}");
        return System.Text.Json.Nodes.JsonNode.Parse(text)!["receipt"]!.GetValue<string>();
    }

    public async Task<Guid> TipIdAsync(string receipt)
    {
        using var scope = App.Services.CreateScope();
        var hash = scope.ServiceProvider.GetRequiredService<Saphan.Core.Features.Tips.TipReceipts>().Hash(receipt);
        return await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().Tips.Where(t => t.ReceiptHash == hash).Select(t => t.Id).SingleAsync();
    }

    /// <summary>The form's hidden fields (antiforgery token, the signed time it was shown).</summary>
    public static Dictionary<string, string> HiddenFields(string page)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in HiddenInput().Matches(page))
        {
            fields[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
        }

        return fields;
    }

    [GeneratedRegex("<input(?=[^>]*type=\"hidden\")(?=[^>]*name=\"([^\"]+)\")(?=[^>]*value=\"([^\"]*)\")[^>]*>")]
    private static partial Regex HiddenInput();

    public async Task<IReadOnlyList<string>> DatabaseContentsAsync()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var storage = scope.ServiceProvider.GetRequiredService<StorageOptions>();
        if (!db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(storage.ConnectionString).DataSource;
            var bytes = Directory.GetFiles(Path.GetDirectoryName(file)!, Path.GetFileName(file) + "*").SelectMany(File.ReadAllBytes).ToArray();
            return [Encoding.UTF8.GetString(bytes), Encoding.Unicode.GetString(bytes), Encoding.Latin1.GetString(bytes)];
        }

        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").ToListAsync();
        var dumps = new List<string>();
        foreach (var table in tables)
        {
#pragma warning disable EF1002 // table names come from the catalogue above, not from input
            dumps.AddRange(await db.Database.SqlQueryRaw<string>($"SELECT t::text AS \"Value\" FROM \"{table}\" t").ToListAsync());
#pragma warning restore EF1002
        }

        return [string.Join('\n', dumps)];
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await App.DisposeAsync();
        await ((IAsyncLifetime)Base).DisposeAsync();
    }
}

/// <summary>A clock that moves only when told to.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
