using Saphan.Testing;

namespace Saphan.Cli.Tests.Features;

public sealed class LinkCommandTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private string Folder => _database.DataFolder;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Two_organisations_encode_their_own_records_and_the_repository_links_the_same_person()
    {
        var key = Path.Combine(Folder, "network.key");
        Assert.Equal(0, (await CliRunner.RunAsync(_database, "link", "keygen", "--out", key)).ExitCode);
        await File.WriteAllTextAsync(Path.Combine(Folder, "shelter.csv"),
            "id,given_name,family_name,birth_date,sex,citizenship\nS1,Somchai,Jaidee,1990-05-12,m,TH\nS2,Mya Mya,,2001,f,MM\nS3,Sokha,Chan,1985-01-01,f,KH\n");
        await File.WriteAllTextAsync(Path.Combine(Folder, "police.csv"),
            "id,given_name,family_name,birth_date,sex\nP9,Somchay,Jaidee,2533-05-12,m\nP8,Nuan,Srisuk,1970-03-03,f\n");
        foreach (var name in new[] { "shelter", "police" })
        {
            var encoded = await CliRunner.RunAsync(_database, "link", "encode", "--in", Path.Combine(Folder, name + ".csv"),
                "--key-file", key, "--out", Path.Combine(Folder, name + ".clk.csv"));
            Assert.True(encoded.ExitCode == 0, encoded.Error);
            var text = await File.ReadAllTextAsync(Path.Combine(Folder, name + ".clk.csv"));
            Assert.DoesNotContain("Jaidee", text, StringComparison.Ordinal);
        }

        var clusters = Path.Combine(Folder, "clusters.csv");
        var matched = await CliRunner.RunAsync(_database, "link", "match", "--in", Path.Combine(Folder, "shelter.clk.csv"),
            "--in", Path.Combine(Folder, "police.clk.csv"), "--out", clusters);
        Assert.True(matched.ExitCode == 0, matched.Error);
        var rows = (await File.ReadAllLinesAsync(clusters)).Where(l => l.Length > 0).ToList();
        Assert.Equal("cluster_id,source,id", rows[0]);
        Assert.Equal(6, rows.Count);
        var clusterOf = rows.Skip(1).Select(r => r.Split(',')).ToDictionary(c => c[1] + "/" + c[2], c => c[0]);
        Assert.Equal(clusterOf["shelter.clk.csv/S1"], clusterOf["police.clk.csv/P9"]);
        Assert.NotEqual(clusterOf["shelter.clk.csv/S2"], clusterOf["police.clk.csv/P8"]);
        Assert.Equal(4, clusterOf.Values.Distinct().Count());
    }

    [Fact]
    public async Task An_ambiguity_margin_leaves_a_record_that_fits_two_people_alike_unlinked()
    {
        // Two people of the shelter share name, sex and birth year; the police record fits both equally.
        var key = Path.Combine(Folder, "network.key");
        Assert.Equal(0, (await CliRunner.RunAsync(_database, "link", "keygen", "--out", key)).ExitCode);
        await File.WriteAllTextAsync(Path.Combine(Folder, "shelter.csv"),
            "id,given_name,family_name,birth_date,sex\nS1,Mya,Thandar,1990-01-05,f\nS2,Mya,Thandar,1990-07-21,f\nS3,Sokha,Chan,2001,f\n");
        await File.WriteAllTextAsync(Path.Combine(Folder, "police.csv"),
            "id,given_name,family_name,birth_date,sex\nP1,Mya,Thandar,1990,f\nP2,Sokhaa,Chan,2001,f\n");
        foreach (var name in new[] { "shelter", "police" })
        {
            var encoded = await CliRunner.RunAsync(_database, "link", "encode", "--in", Path.Combine(Folder, name + ".csv"),
                "--key-file", key, "--out", Path.Combine(Folder, name + ".clk.csv"));
            Assert.True(encoded.ExitCode == 0, encoded.Error);
        }

        async Task<Dictionary<string, string>> MatchAsync(params string[] extra)
        {
            var clusters = Path.Combine(Folder, "clusters.csv");
            var matched = await CliRunner.RunAsync(_database, ["link", "match", "--in", Path.Combine(Folder, "shelter.clk.csv"),
                "--in", Path.Combine(Folder, "police.clk.csv"), "--out", clusters, .. extra]);
            Assert.True(matched.ExitCode == 0, matched.Error);
            return (await File.ReadAllLinesAsync(clusters)).Skip(1).Where(l => l.Length > 0).Select(r => r.Split(','))
                .ToDictionary(c => c[1].Split('.')[0] + "/" + c[2], c => c[0]);
        }

        var greedy = await MatchAsync(); // default: off, the record goes to one of the two
        Assert.Equal(3, greedy.Values.Distinct().Count());
        Assert.True(greedy["police/P1"] == greedy["shelter/S1"] || greedy["police/P1"] == greedy["shelter/S2"]);

        var careful = await MatchAsync("--ambiguity-margin", "0.02");
        Assert.Equal(4, careful.Values.Distinct().Count());
        Assert.NotEqual(careful["police/P1"], careful["shelter/S1"]);
        Assert.NotEqual(careful["police/P1"], careful["shelter/S2"]);
        Assert.Equal(careful["police/P2"], careful["shelter/S3"]); // unambiguous: still linked

        var refused = await CliRunner.RunAsync(_database, "link", "match", "--in", Path.Combine(Folder, "shelter.clk.csv"),
            "--in", Path.Combine(Folder, "police.clk.csv"), "--out", Path.Combine(Folder, "c2.csv"), "--ambiguity-margin", "-0.1");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("ambiguity margin", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_without_an_id_column_is_refused_with_its_name_and_reason()
    {
        var key = Path.Combine(Folder, "network.key");
        await CliRunner.RunAsync(_database, "link", "keygen", "--out", key);
        var input = Path.Combine(Folder, "bad.csv");
        await File.WriteAllTextAsync(input, "given_name,family_name\nSomchai,Jaidee\n");
        var result = await CliRunner.RunAsync(_database, "link", "encode", "--in", input, "--key-file", key, "--out", Path.Combine(Folder, "out.csv"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.csv", result.Error, StringComparison.Ordinal);
        Assert.Contains("id", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Somchai", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_to_match_is_refused_naming_the_file_and_row()
    {
        var key = Path.Combine(Folder, "network.key");
        var other = Path.Combine(Folder, "other.key");
        await CliRunner.RunAsync(_database, "link", "keygen", "--out", key);
        await CliRunner.RunAsync(_database, "link", "keygen", "--out", other);
        var persons = Path.Combine(Folder, "p.csv");
        await File.WriteAllTextAsync(persons, "id,given_name,family_name\nS1,Somchai,Jaidee\n");
        await CliRunner.RunAsync(_database, "link", "encode", "--in", persons, "--key-file", key, "--out", Path.Combine(Folder, "a.csv"));
        await CliRunner.RunAsync(_database, "link", "encode", "--in", persons, "--key-file", other, "--out", Path.Combine(Folder, "b.csv"));
        var good = (await File.ReadAllLinesAsync(Path.Combine(Folder, "a.csv")))[1];
        var bad = new Dictionary<string, (string Content, string Expected)>
        {
            ["b.csv"] = (await File.ReadAllTextAsync(Path.Combine(Folder, "b.csv")), "b.csv: encoded with a different key"),
            ["short.csv"] = ("id,clk\nS1,AAAA\n", "short.csv, line 2: malformed clk (expected base64 of 128 bytes"),
            ["latin.csv"] = ("id,clk\nS1,not*base64!\n", "latin.csv, line 2: malformed clk"),
            ["dup.csv"] = ("id,clk,key_id,blocking\n" + good + "\n" + good + "\n", "dup.csv, line 3: duplicate id (first used on line 2)"),
            ["empty.csv"] = ("", "empty.csv, line 1: the file is empty"),
            ["ragged.csv"] = ("id,clk,key_id,blocking\n" + good + ",extra\n", "ragged.csv, line 2: row has 5 fields but the header has 4"),
            ["badblocking.csv"] = ("id,clk,key_id,blocking\n" + string.Join(',', good.Split(',')[..3]) + ",AAAA\n", "badblocking.csv, line 2: malformed blocking keys"),
        };
        foreach (var (name, (content, expected)) in bad)
        {
            if (name != "b.csv")
            {
                await File.WriteAllTextAsync(Path.Combine(Folder, name), content);
            }

            var result = await CliRunner.RunAsync(_database, "link", "match", "--in", Path.Combine(Folder, "a.csv"),
                "--in", Path.Combine(Folder, name), "--out", Path.Combine(Folder, "clusters.csv"));
            Assert.Equal(1, result.ExitCode);
            Assert.Contains(expected, result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("Somchai", result.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(Folder, "clusters.csv")));
        }
    }

    [Fact]
    public async Task Keyed_blocking_links_new_files_and_refuses_an_old_file_without_blocking_keys_by_name()
    {
        var key = Path.Combine(Folder, "network.key");
        await CliRunner.RunAsync(_database, "link", "keygen", "--out", key);
        await File.WriteAllTextAsync(Path.Combine(Folder, "shelter.csv"), "id,given_name,family_name,birth_date,sex\nS1,Somchai,Jaidee,1990,m\nS2,Mya Mya,,2001,f\n");
        await File.WriteAllTextAsync(Path.Combine(Folder, "police.csv"), "id,given_name,family_name,birth_date,sex\nP9,สมชาย,ใจดี,12/05/2533,ชาย\nP8,Nuan,Srisuk,1970-03-03,f\n");
        foreach (var name in new[] { "shelter", "police" })
        {
            await CliRunner.RunAsync(_database, "link", "encode", "--in", Path.Combine(Folder, name + ".csv"), "--key-file", key, "--out", Path.Combine(Folder, name + ".clk.csv"));
        }

        var clusters = Path.Combine(Folder, "clusters.csv");
        var matched = await CliRunner.RunAsync(_database, "link", "match", "--in", Path.Combine(Folder, "shelter.clk.csv"),
            "--in", Path.Combine(Folder, "police.clk.csv"), "--blocking", "keyed", "--out", clusters);
        Assert.True(matched.ExitCode == 0, matched.Error);
        Assert.Contains("blocking: keyed, ", matched.Output, StringComparison.Ordinal);
        Assert.Contains("0 blocks over 1000 records dropped, 0 records left in no block", matched.Output, StringComparison.Ordinal);
        var clusterOf = (await File.ReadAllLinesAsync(clusters)).Skip(1).Where(l => l.Length > 0).Select(r => r.Split(',')).ToDictionary(c => c[2], c => c[0]);
        Assert.Equal(clusterOf["S1"], clusterOf["P9"]);
        Assert.Equal(3, clusterOf.Values.Distinct().Count());

        // An encodings file from before blocking keys (id,clk,key_id): fine for exhaustive matching, refused by name for keyed.
        var old = Path.Combine(Folder, "old.csv");
        await File.WriteAllLinesAsync(old, (await File.ReadAllLinesAsync(Path.Combine(Folder, "police.clk.csv")))
            .Where(l => l.Length > 0).Select(l => string.Join(',', l.Split(',')[..3])));
        File.Delete(clusters);
        var refused = await CliRunner.RunAsync(_database, "link", "match", "--in", Path.Combine(Folder, "shelter.clk.csv"), "--in", old, "--blocking", "keyed", "--out", clusters);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("old.csv: has no blocking keys (column 'blocking')", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(clusters));
        var exhaustive = await CliRunner.RunAsync(_database, "link", "match", "--in", Path.Combine(Folder, "shelter.clk.csv"), "--in", old, "--out", clusters);
        Assert.True(exhaustive.ExitCode == 0, exhaustive.Error);
        Assert.Contains("blocking: exhaustive", exhaustive.Output, StringComparison.Ordinal);
    }
}
