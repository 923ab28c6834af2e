using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Field;

/// <summary>
/// The field app installs on launchers that want PNG icons (Android) as well as those that take SVG: every icon the
/// manifest names is served, with the type the manifest says, and a PNG has the pixel size the manifest says.
/// </summary>
public sealed class FieldManifestTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    [Fact]
    public async Task Every_icon_of_the_manifest_is_served_with_its_declared_type_and_size_with_png_192_512_and_maskable()
    {
        var client = app.Anonymous();
        var manifest = await client.GetAsync("/field.webmanifest");
        manifest.EnsureSuccessStatusCode();
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType!.MediaType);
        var icons = JsonNode.Parse(await manifest.Content.ReadAsStringAsync())!["icons"]!.AsArray()
            .Select(i => (Src: i!["src"]!.GetValue<string>(), Sizes: i["sizes"]!.GetValue<string>(), Type: i["type"]!.GetValue<string>(),
                Purpose: i["purpose"]!.GetValue<string>()))
            .ToList();

        foreach (var size in new[] { "192x192", "512x512" })
        {
            Assert.Contains(icons, i => i.Type == "image/png" && i.Sizes == size && i.Purpose.Split(' ').Contains("any"));
            Assert.Contains(icons, i => i.Type == "image/png" && i.Sizes == size && i.Purpose.Split(' ').Contains("maskable"));
        }

        foreach (var icon in icons)
        {
            var answer = await client.GetAsync(icon.Src);
            Assert.True(answer.IsSuccessStatusCode, icon.Src + " " + (int)answer.StatusCode);
            Assert.Equal(icon.Type, answer.Content.Headers.ContentType!.MediaType);
            var bytes = await answer.Content.ReadAsByteArrayAsync();
            if (icon.Type == "image/png")
            {
                // The PNG signature, then the IHDR chunk: width and height, big-endian, at bytes 16 and 20.
                Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
                Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
                var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
                var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
                Assert.Equal(icon.Sizes, width + "x" + height);
            }
            else
            {
                Assert.Contains("<svg", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            }
        }
    }
}
