using Saphan.Linkage.Clks;
using Saphan.Linkage.Tests.Support;

namespace Saphan.Linkage.Tests.Clks;

public sealed class ClkAndKeyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("saphan-linkage-key-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Clk_base64_round_trips_and_rejects_other_lengths()
    {
        var clk = new ClkEncoder(TestKeys.Of(9)).Encode(new PersonIdentifiers { GivenName = "Aung Aung", BirthDate = "1995" });
        var text = clk.ToBase64();
        Assert.True(Clk.TryFromBase64(text, out var back));
        Assert.Equal(clk, back);
        Assert.False(Clk.TryFromBase64(Convert.ToBase64String(new byte[127]), out _));
        Assert.False(Clk.TryFromBase64(Convert.ToBase64String(new byte[129]), out _));
        Assert.False(Clk.TryFromBase64("not base64!", out _));
    }

    [Fact]
    public void Generated_key_loads_back_and_encodes_the_same()
    {
        var path = Path.Combine(_dir, "network.key");
        var generated = LinkageKey.Generate(path);
        var loaded = LinkageKey.Load(path);
        var person = new PersonIdentifiers { GivenName = "Sokha", BirthDate = "1999" };
        Assert.Equal(new ClkEncoder(generated).Encode(person), new ClkEncoder(loaded).Encode(person));
        Assert.Equal(65, new FileInfo(path).Length); // 64 hex digits and a newline
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Generate_refuses_to_overwrite_a_key()
    {
        var path = Path.Combine(_dir, "network.key");
        LinkageKey.Generate(path);
        var ex = Assert.Throws<LinkageException>(() => LinkageKey.Generate(path));
        Assert.Contains("already exists", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abcdef")]
    [InlineData("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff00")]
    [InlineData("zz112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")]
    public void A_key_file_of_the_wrong_length_or_content_is_a_clear_error(string content)
    {
        var path = Path.Combine(_dir, "bad.key");
        File.WriteAllText(path, content);
        var ex = Assert.Throws<LinkageException>(() => LinkageKey.Load(path));
        Assert.Contains("bad.key", ex.Message, StringComparison.Ordinal);
        Assert.Contains("32 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_file_is_a_clear_error()
    {
        var ex = Assert.Throws<LinkageException>(() => LinkageKey.Load(Path.Combine(_dir, "none.key")));
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }
}
