using System.Net;
using Saphan.Core.Features.Identity;
using Saphan.Linkage.Clks;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Repository;

/// <summary>Publishing without a network key is refused; encodings made with two different keys are not linked, and the run says so.</summary>
[Trait("Category", "Database")]
public sealed class RepositoryKeyTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    [Fact]
    public async Task No_key_is_a_conflict_and_a_changed_key_is_reported_instead_of_linking_what_cannot_match()
    {
        var keyFile = Path.Combine(app.Database.Storage.DataFolder, "keys", "network.key");
        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        File.Delete(keyFile);
        await Json.CreateCaseAsync(app.Api(app.OrgA, Roles.CaseWorker), Json.NewCase("Somchai", "Jaidee"));
        await Json.CreateCaseAsync(app.Api(app.OrgB, Roles.CaseWorker), Json.NewCase("Somchay", "Jaidee"));
        var adminA = app.Api(app.OrgA, Roles.OrgAdmin);

        var refused = await adminA.PostAsync("/api/v1/repository/publish", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("SAPHAN_NETWORK_KEY_FILE", (await Json.ReadAsync(refused))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False((await Json.ReadAsync(await adminA.GetAsync("/api/v1/repository/settings")))["networkKeyConfigured"]!.GetValue<bool>());

        LinkageKey.Generate(keyFile);
        Assert.Equal(HttpStatusCode.OK, (await adminA.PostAsync("/api/v1/repository/publish", null)).StatusCode);
        File.Delete(keyFile);
        LinkageKey.Generate(keyFile);
        var second = await Json.ReadAsync(await app.Api(app.OrgB, Roles.OrgAdmin).PostAsync("/api/v1/repository/publish", null));
        var match = second["match"]!;
        Assert.Contains("different network key", match["warning"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, match["linkedClusters"]!.GetValue<int>());

        // Publishing again with the current key links the same person across both organisations.
        var again = await Json.ReadAsync(await adminA.PostAsync("/api/v1/repository/publish", null));
        Assert.Null(again["match"]!["warning"]);
        Assert.Equal(1, again["match"]!["linkedClusters"]!.GetValue<int>());
    }
}
