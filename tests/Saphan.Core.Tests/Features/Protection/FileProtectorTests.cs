using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Saphan.Core.Features.Protection;

namespace Saphan.Core.Tests.Features.Protection;

public sealed class FileProtectorTests : IDisposable
{
    private readonly FileProtector _protector = new(KeyRing.FromBytes(RandomNumberGenerator.GetBytes(32)));
    private readonly string _folder = Directory.CreateTempSubdirectory("saphan-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(byte[] content, int pieces = 7)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
        using var stream = _protector.Create(path);
        // Written in uneven pieces, as a request body arrives.
        var step = Math.Max(1, content.Length / pieces + 13);
        for (var at = 0; at < content.Length; at += step)
        {
            stream.Write(content, at, Math.Min(step, content.Length - at));
        }

        return path;
    }

    private byte[] Read(string path)
    {
        using var stream = _protector.Open(path);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(FileProtector.ChunkSize - 1)]
    [InlineData(FileProtector.ChunkSize)]
    [InlineData(FileProtector.ChunkSize + 1)]
    [InlineData(3 * FileProtector.ChunkSize + 4321)]
    public void Content_of_any_length_comes_back_exactly_and_the_file_holds_no_plaintext(int length)
    {
        var content = new byte[length];
        new Random(length).NextBytes(content);
        var marker = "สมชาย ใจดี,1101700123456"u8.ToArray();
        if (length > marker.Length * 2)
        {
            marker.CopyTo(content, length / 2);
        }

        var path = Write(content);
        Assert.Equal(content, Read(path));
        var stored = File.ReadAllBytes(path);
        var chunks = Math.Max(1, (length + FileProtector.ChunkSize - 1) / FileProtector.ChunkSize);
        Assert.Equal(FileProtector.HeaderSize + length + chunks * FileProtector.TagSize, stored.Length);
        if (length > marker.Length * 2)
        {
            Assert.Equal(-1, stored.AsSpan().IndexOf(marker));
        }
    }

    [Fact]
    public void The_decrypted_stream_seeks_so_a_workbook_zip_is_read_from_it()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 3; i++)
            {
                using var entry = new StreamWriter(archive.CreateEntry($"sheet{i}.xml", CompressionLevel.NoCompression).Open());
                entry.Write(string.Concat(Enumerable.Repeat($"<row>{i}</row>", 20_000)));
            }
        }

        var path = Write(zip.ToArray());
        using var stream = _protector.Open(path);
        Assert.True(stream.CanSeek);
        using var read = new ZipArchive(stream, ZipArchiveMode.Read);
        using var reader = new StreamReader(read.GetEntry("sheet2.xml")!.Open());
        Assert.StartsWith("<row>2</row>", reader.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_truncated_or_foreign_file_is_refused()
    {
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("first name,province\nMalee,Tak\n", 5000)));
        var path = Write(content);

        var flipped = File.ReadAllBytes(path);
        flipped[FileProtector.HeaderSize + 10] ^= 1;
        File.WriteAllBytes(path + ".flipped", flipped);
        Assert.ThrowsAny<CryptographicException>(() => Read(path + ".flipped"));

        // Cut at a chunk boundary: the new last chunk was not sealed as the last one.
        var stored = File.ReadAllBytes(path);
        File.WriteAllBytes(path + ".cut", stored[..(FileProtector.HeaderSize + FileProtector.ChunkSize + FileProtector.TagSize)]);
        Assert.ThrowsAny<CryptographicException>(() => Read(path + ".cut"));

        var other = new FileProtector(KeyRing.FromBytes(RandomNumberGenerator.GetBytes(32)));
        Assert.ThrowsAny<CryptographicException>(() =>
        {
            using var stream = other.Open(path);
            stream.ReadByte();
        });

        File.WriteAllBytes(path + ".plain", content);
        Assert.ThrowsAny<CryptographicException>(() => Read(path + ".plain"));
    }
}
