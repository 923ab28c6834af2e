using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Saphan.Core.Data;
using Saphan.Testing;

namespace Saphan.Web.Tests.Support;

/// <summary>
/// The real web app (Kestrel on a free loopback port, Production environment) over a test database — for tests that
/// need a listening server rather than the in-memory test host: the browser, the hosted services, the demo.
/// </summary>
internal static class RealServer
{
    public static WebApplication Build(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var configuration = new Dictionary<string, string?>
        {
            ["SAPHAN_DATA"] = database.DataFolder,
            ["SAPHAN_DB"] = database.Storage.Engine == DatabaseEngine.Postgres ? database.Storage.ConnectionString : null,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        return SaphanWebApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], builder =>
            builder.Configuration.AddInMemoryCollection(configuration));
    }
}
