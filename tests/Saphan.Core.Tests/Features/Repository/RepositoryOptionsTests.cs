using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Features.Repository;
using Saphan.Testing;

namespace Saphan.Core.Tests.Features.Repository;

public sealed class RepositoryOptionsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(null, 0)]
    [InlineData("0.02", 0.02)]
    [InlineData("-0.1", 0)] // out of range: the default (off), like an unparseable threshold
    [InlineData("1", 0)]
    [InlineData("abc", 0)]
    public async Task The_ambiguity_margin_of_the_in_app_relink_comes_from_the_environment_and_defaults_to_off(string? value, double expected)
    {
        var settings = new Dictionary<string, string?> { ["SAPHAN_REPOSITORY_AMBIGUITY_MARGIN"] = value };
        await using var services = _database.BuildServices(s => s.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
        Assert.Equal(expected, services.GetRequiredService<RepositoryOptions>().AmbiguityMargin);
    }
}
