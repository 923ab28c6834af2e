using Saphan.Linkage.Clks;
using Saphan.Linkage.Csv;

namespace Saphan.Linkage.Tests.Csv;

public sealed class LinkageCsvTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("saphan-linkage-csv-").FullName;
    private readonly string _key;

    public LinkageCsvTests()
    {
        _key = Path.Combine(_dir, "network.key");
        LinkageKey.Generate(_key);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string Path_(string name) => Path.Combine(_dir, name);

    [Fact]
    public void Encode_then_match_three_organisations_end_to_end()
    {
        var shelter = Write("shelter.csv", "id,given_name,family_name,birth_date,sex,notes\n" +
            "S-1,Somchay,Thongkham,2533,M,\"arrived 3 May, with sister\"\n" +
            "S-2,\"Aung Aung\",,1998,M,\n" +
            "S-3,Sokha,Chan,2001,F,\n");
        var police = Write("police.csv", "\uFEFFid,family_name,given_name,birth_date,sex,id_number,phone\r\n" +
            "P-9,ทองคำ,สมชาย,14/05/2533,ชาย,1102003456789,\r\n" +
            "P-10,,Aungaung,1998-03-02,M,,+66 81 234 5678\r\n");
        var ngo = Write("ngo.csv", "id,given_name,family_name,birth_date,sex,phone,address,postcode,citizenship\n" +
            "N-1,Thongkham,Somchai,1990-05,M,,,,\n" +
            "N-2,Chan,Sokhaa,2001,F,,\"12 Moo 3,\nNong Khai\",43000,Cambodian\n" +
            "N-3,Aung,Aung,1998,M,081-234-5678,,,Myanmar\n");

        var summaries = new[] { shelter, police, ngo }.Select(p =>
            LinkageCsv.EncodeFile(p, _key, Path.ChangeExtension(p, ".enc.csv"))).ToArray();
        Assert.Equal([3, 2, 3], summaries.Select(s => s.Records));
        Assert.Equal(["given_name", "family_name", "birth_date", "sex"], summaries[0].ColumnsUsed);

        var encoded = File.ReadAllLines(Path_("shelter.enc.csv"));
        Assert.Equal("id,clk,key_id,blocking", encoded[0]);
        Assert.Equal(LinkageKey.Load(_key).Fingerprint, encoded[1].Split(',')[2]);
        Assert.True(Saphan.Linkage.Blocking.BlockingKeyEncoder.TryParse(encoded[1].Split(',')[3], out var blockingKeys));
        Assert.Equal(new Saphan.Linkage.Blocking.BlockingKeyEncoder(LinkageKey.Load(_key)).Keys(new PersonIdentifiers { GivenName = "Somchay", FamilyName = "Thongkham", BirthDate = "2533", Sex = "M" }), blockingKeys);
        Assert.NotNull(LinkageCsv.ReadEncodings(Path_("shelter.enc.csv")).BlockingKeys);
        Assert.DoesNotContain("Somchay", string.Join('\n', encoded), StringComparison.OrdinalIgnoreCase);

        var outPath = Path_("clusters.csv");
        var result = LinkageCsv.MatchFiles([Path_("shelter.enc.csv"), Path_("police.enc.csv"), Path_("ngo.enc.csv")], 0.75, outPath);
        Assert.Equal(new MatchSummary(Sources: 3, Records: 8, Clusters: 3, LinkedClusters: 3, LinkedRecords: 8, Threshold: 0.75) { Blocking = new Saphan.Linkage.Matching.BlockingReport(Saphan.Linkage.Matching.BlockingMode.Exhaustive, 21) }, result);

        var lines = File.ReadAllLines(outPath);
        Assert.Equal("cluster_id,source,id", lines[0]);
        Assert.Equal(9, lines.Length); // header + one row per record
        var clusterOf = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => (f[1], f[2]), f => f[0]);
        Assert.Equal(clusterOf[("shelter.enc.csv", "S-1")], clusterOf[("police.enc.csv", "P-9")]);
        Assert.Equal(clusterOf[("shelter.enc.csv", "S-1")], clusterOf[("ngo.enc.csv", "N-1")]);
        Assert.Equal(clusterOf[("shelter.enc.csv", "S-2")], clusterOf[("police.enc.csv", "P-10")]);
        Assert.Equal(clusterOf[("shelter.enc.csv", "S-2")], clusterOf[("ngo.enc.csv", "N-3")]);
        Assert.Equal(clusterOf[("shelter.enc.csv", "S-3")], clusterOf[("ngo.enc.csv", "N-2")]);
    }

    [Fact]
    public void Ids_with_commas_and_quotes_survive_the_round_trip()
    {
        var a = Write("a.csv", "id,given_name,birth_date\n\"A,1\",Mya Mya,2000\n\"say \"\"x\"\"\",Kyaw,1990\n");
        var b = Write("b.csv", "id,given_name,birth_date\nB1,Myamya,2000\n");
        LinkageCsv.EncodeFile(a, _key, Path_("a.enc"));
        LinkageCsv.EncodeFile(b, _key, Path_("b.enc"));
        var source = LinkageCsv.ReadEncodings(Path_("a.enc"));
        Assert.Equal(["A,1", "say \"x\""], source.Ids);
        LinkageCsv.MatchFiles([Path_("a.enc"), Path_("b.enc")], 0.75, Path_("out.csv"));
        Assert.Contains("1,a.enc,\"A,1\"", File.ReadAllLines(Path_("out.csv")));
    }

    [Theory]
    [InlineData("given_name,birth_date\nSomchai,1990\n", "persons.csv, line 1: missing 'id' column in the header")]
    [InlineData("id,notes\n1,x\n", "persons.csv, line 1: no identifier column in the header")]
    [InlineData("id,given_name\n1,Somchai\n2,Wichai\n1,Malee\n", "persons.csv, line 4: duplicate id (first used on line 2)")]
    [InlineData("id,given_name\n ,Somchai\n", "persons.csv, line 2: empty id")]
    [InlineData("id,given_name\n1,Somchai,extra\n", "persons.csv, line 2: row has 3 fields but the header has 2")]
    [InlineData("id,given_name,birth_date\n1,Somchai,1990\n2,Wichai,31/02/1990\n", "persons.csv, line 3: birth_date is not a recognised date")]
    [InlineData("id,given_name,given_name\n1,a,b\n", "persons.csv, line 1: column 'given_name' appears twice")]
    [InlineData("", "persons.csv, line 1: the file is empty")]
    public void Bad_persons_files_give_clear_errors_without_values(string content, string expected)
    {
        var path = Write("persons.csv", content);
        var ex = Assert.Throws<LinkageException>(() => LinkageCsv.EncodeFile(path, _key, Path_("out.csv")));
        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
        foreach (var secret in new[] { "Somchai", "Wichai", "Malee", "31/02" })
        {
            Assert.DoesNotContain(secret, ex.Message, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(Path_("out.csv")));
    }

    [Fact]
    public void Files_encoded_with_different_keys_are_refused_naming_the_file()
    {
        var otherKey = Path_("other.key");
        LinkageKey.Generate(otherKey);
        var persons = Write("p.csv", "id,given_name,family_name,birth_date\n1,Somchai,Jaidee,1990-05-12\n");
        LinkageCsv.EncodeFile(persons, _key, Path_("a.csv"));
        LinkageCsv.EncodeFile(persons, otherKey, Path_("b.csv"));
        Assert.NotEqual(LinkageKey.Load(_key).Fingerprint, LinkageKey.Load(otherKey).Fingerprint);

        var ex = Assert.Throws<LinkageException>(() => LinkageCsv.MatchFiles([Path_("a.csv"), Path_("b.csv")], 0.75, Path_("o.csv")));
        Assert.StartsWith("b.csv: encoded with a different key (key_id ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("than a.csv", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path_("o.csv")));

        // One file mixing keys: the row is named.
        var lines = File.ReadAllLines(Path_("a.csv")).Concat(File.ReadAllLines(Path_("b.csv")).Skip(1).Select(l => "2" + l[1..]));
        File.WriteAllLines(Path_("mixed.csv"), lines);
        ex = Assert.Throws<LinkageException>(() => LinkageCsv.MatchFiles([Path_("a.csv"), Path_("mixed.csv")], 0.75, Path_("o.csv")));
        Assert.StartsWith("mixed.csv, line 3: key_id ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_key_ids_a_collapse_of_match_quality_is_reported()
    {
        var persons = Write("p.csv", "id,given_name,family_name,birth_date\n" + string.Concat(
            Enumerable.Range(0, LinkageCsv.CollapseMinimum).Select(i => $"{i},Somchai{i % 7},Jaidee{i},{1950 + i % 50}-0{1 + i % 9}-1{i % 10}\n")));
        var otherKey = Path_("other.key");
        LinkageKey.Generate(otherKey);
        LinkageCsv.EncodeFile(persons, _key, Path_("a.csv"));
        LinkageCsv.EncodeFile(persons, otherKey, Path_("b.csv"));
        foreach (var name in new[] { "a.csv", "b.csv" })
        {
            File.WriteAllLines(Path_(name), File.ReadAllLines(Path_(name)).Select(l => string.Join(',', l.Split(',')[..2])));
        }

        var summary = LinkageCsv.MatchFiles([Path_("a.csv"), Path_("b.csv")], 0.75, Path_("o.csv"));
        Assert.Equal(0, summary.LinkedRecords);
        Assert.Contains("different keys", summary.Warning, StringComparison.Ordinal);

        LinkageCsv.EncodeFile(persons, _key, Path_("b.csv"));
        Assert.Null(LinkageCsv.MatchFiles([Path_("a.csv"), Path_("b.csv")], 0.75, Path_("o.csv")).Warning);
    }

    [Fact]
    public void Bad_encodings_files_give_clear_errors()
    {
        var good = Write("good.csv", "id,clk\n1," + Convert.ToBase64String(new byte[128]) + "\n");
        var malformed = Write("bad.csv", "id,clk\n1," + Convert.ToBase64String(new byte[128]) + "\nsecret-id,AAAA\n");
        var noClk = Write("noclk.csv", "id,other\n1,x\n");
        var dup = Write("dup.csv", "id,clk\nx," + Convert.ToBase64String(new byte[128]) + "\nx," + Convert.ToBase64String(new byte[128]) + "\n");

        var ex = Assert.Throws<LinkageException>(() => LinkageCsv.MatchFiles([good, malformed], 0.75, Path_("o.csv")));
        Assert.Equal("bad.csv, line 3: malformed clk (expected base64 of 128 bytes, as written by 'link encode')", ex.Message);
        Assert.DoesNotContain("secret-id", ex.Message, StringComparison.Ordinal);
        Assert.Equal("bad.csv", ex.FileName);
        Assert.Equal(3, ex.Line);

        var badBlocking = Write("badblocking.csv", "id,clk,blocking\n1," + Convert.ToBase64String(new byte[128]) + ",\n2," + Convert.ToBase64String(new byte[128]) + ",AAAA\n");
        ex = Assert.Throws<LinkageException>(() => LinkageCsv.MatchFiles([good, badBlocking], 0.75, Path_("o.csv")));
        Assert.Equal("badblocking.csv, line 3: malformed blocking keys (expected base64 of up to 256 keys of 8 bytes, as written by 'link encode')", ex.Message);

        ex = Assert.Throws<LinkageException>(() => LinkageCsv.MatchFiles([good, noClk], 0.75, Path_("o.csv")));
        Assert.Equal("noclk.csv, line 1: missing 'clk' column in the header", ex.Message);

        ex = Assert.Throws<LinkageException>(() => LinkageCsv.MatchFiles([good, dup], 0.75, Path_("o.csv")));
        Assert.Equal("dup.csv, line 3: duplicate id (first used on line 2)", ex.Message);

        ex = Assert.Throws<LinkageException>(() => LinkageCsv.MatchFiles([good], 0.75, Path_("o.csv")));
        Assert.Contains("at least two", ex.Message, StringComparison.Ordinal);

        var sub = Directory.CreateDirectory(Path_("other")).FullName;
        File.Copy(good, Path.Combine(sub, "good.csv"));
        ex = Assert.Throws<LinkageException>(() => LinkageCsv.MatchFiles([good, Path.Combine(sub, "good.csv")], 0.75, Path_("o.csv")));
        Assert.Contains("two inputs have this file name", ex.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentOutOfRangeException>(() => LinkageCsv.MatchFiles([good, good], 1.2, Path_("o.csv")));
        ex = Assert.Throws<LinkageException>(() => LinkageCsv.MatchFiles([good, Path_("missing.csv")], 0.75, Path_("o.csv")));
        Assert.Equal("missing.csv: file not found", ex.Message);
    }

    [Fact]
    public void A_wrong_length_key_file_stops_encoding()
    {
        var persons = Write("persons.csv", "id,given_name\n1,Somchai\n");
        var key = Write("short.key", "0011223344");
        var ex = Assert.Throws<LinkageException>(() => LinkageCsv.EncodeFile(persons, key, Path_("out.csv")));
        Assert.StartsWith("short.key: not a valid linkage key: expected 32 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_and_missing_values_are_allowed()
    {
        var persons = Write("persons.csv", "id,given_name,family_name,birth_date,sex\n1,,,,\n2,Kyaw,,,\n");
        var summary = LinkageCsv.EncodeFile(persons, _key, Path_("out.csv"));
        Assert.Equal(2, summary.Records);
        Assert.Equal(1, summary.EmptyRecords);
    }
}
