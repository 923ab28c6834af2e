using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Testing;

namespace Saphan.Cli.Tests.Features.Repository;

[Trait("Category", "Database")]
public sealed class RepositoryCommandTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Publish_needs_an_organisation_and_the_network_key_and_then_records_the_publication()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(_database, "db", "migrate")).ExitCode);
        var id = Guid.Parse((await CliRunner.RunAsync(_database, "org", "add", "--name", "Mae Sot Migrant Clinic", "--type", "ngo")).Output.Trim());

        Assert.Equal(2, (await CliRunner.RunAsync(_database, "repository", "publish")).ExitCode);
        var noKey = await CliRunner.RunAsync(_database, "repository", "publish", "--org", id.ToString());
        Assert.Equal(1, noKey.ExitCode);
        Assert.Contains("network linkage key", noKey.Error, StringComparison.Ordinal);

        Assert.Equal(0, (await CliRunner.RunAsync(_database, "link", "keygen", "--out", Path.Combine(_database.DataFolder, "keys", "network.key"))).ExitCode);
        var published = await CliRunner.RunAsync(_database, "repository", "publish", "--org", id.ToString());
        Assert.Equal(0, published.ExitCode);
        Assert.Contains("published 0 records of 1 organisation(s)", published.Output, StringComparison.Ordinal);

        await using var services = _database.BuildServices();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var publication = await db.RepositoryPublications.SingleAsync();
        Assert.Equal(id, publication.OrganisationId);
        Assert.Equal(16, publication.KeyId.Length);
        Assert.Equal(1, await db.RepositoryMatchRuns.CountAsync());
    }
}
