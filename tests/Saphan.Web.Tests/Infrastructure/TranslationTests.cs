using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Saphan.Web.Tests.Infrastructure;

/// <summary>
/// Every English UI key (T["..."] in pages and code, and the messages page models hand to T[Model.Message])
/// has Thai in Resources/SharedResource.th.resx, the file holds no keys nobody uses, and the real localizer serves it.
/// </summary>
public sealed partial class TranslationTests
{
    private const string ResxRelativePath = "Resources/SharedResource.th.resx";

    /// <summary>T["literal"], not preceded by a word character or a dot (so not ViewData["..."] or x.T["..."]).</summary>
    [GeneratedRegex("""(?<![\w.])T\["((?:[^"\\]|\\.)*)"\]""")]
    private static partial Regex LocalizerKey();

    /// <summary>An assignment to Message (not ==, not ErrorMessage), up to the end of the statement.</summary>
    [GeneratedRegex("""(?<![\w.])Message\s*=(?!=)([^;]*);""")]
    private static partial Regex MessageAssignment();

    [GeneratedRegex(@"""((?:[^""\\]|\\.)*)""")]
    private static partial Regex StringLiteral();

    private static string WebProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Saphan.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "Saphan.Web");
            }
        }

        throw new InvalidOperationException($"No Saphan.slnx above {AppContext.BaseDirectory}.");
    }

    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f =>
            {
                var relative = Path.GetRelativePath(root, f).Replace('\\', '/');
                return !relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal);
            });

    private static string Unescape(string literal) =>
        literal.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    /// <summary>Every key the UI looks up, with the first file that uses it.</summary>
    private static SortedDictionary<string, string> UsedKeys()
    {
        var root = WebProjectDirectory();
        var keys = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles(root))
        {
            var text = File.ReadAllText(file);
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            foreach (Match m in LocalizerKey().Matches(text))
            {
                keys.TryAdd(Unescape(m.Groups[1].Value), relative);
            }

            if (file.EndsWith(".cshtml.cs", StringComparison.Ordinal))
            {
                foreach (Match assignment in MessageAssignment().Matches(text))
                {
                    foreach (Match literal in StringLiteral().Matches(assignment.Groups[1].Value))
                    {
                        keys.TryAdd(Unescape(literal.Groups[1].Value), relative);
                    }
                }
            }
        }

        return keys;
    }

    private static Dictionary<string, string> ThaiResx()
    {
        var path = Path.Combine(WebProjectDirectory(), ResxRelativePath);
        Assert.True(File.Exists(path), $"Missing {path}");
        var document = XDocument.Load(path);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var duplicates = new List<string>();
        foreach (var data in document.Root!.Elements("data"))
        {
            var name = (string?)data.Attribute("name") ?? "";
            var value = (string?)data.Element("value") ?? "";
            if (!entries.TryAdd(name, value))
            {
                duplicates.Add(name);
            }
        }

        Assert.True(duplicates.Count == 0, "Duplicate keys in the Thai resx:\n" + string.Join("\n", duplicates));
        return entries;
    }

    [Fact]
    public void Every_UI_key_has_a_Thai_translation()
    {
        var used = UsedKeys();
        var thai = ThaiResx();
        Assert.NotEmpty(used);

        var missing = used
            .Where(k => !thai.TryGetValue(k.Key, out var value) || string.IsNullOrWhiteSpace(value))
            .Select(k => $"  \"{k.Key}\" (used in {k.Value})")
            .ToList();

        Assert.True(missing.Count == 0, $"{missing.Count} key(s) have no Thai in {ResxRelativePath}:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_Thai_resx_has_no_keys_that_nothing_uses()
    {
        var used = UsedKeys();
        var stale = ThaiResx().Keys
            .Where(k => !used.ContainsKey(k))
            .Order(StringComparer.Ordinal)
            .Select(k => $"  \"{k}\"")
            .ToList();

        Assert.True(stale.Count == 0, $"{stale.Count} key(s) in {ResxRelativePath} are no longer used:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void The_localizer_serves_Thai_in_th_TH_and_the_key_in_en_GB()
    {
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddLocalization(o => o.ResourcesPath = "Resources")
            .BuildServiceProvider();
        var localizer = provider.GetRequiredService<IStringLocalizer<SharedResource>>();
        var expectedThai = ThaiResx()["Cases"];

        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("th-TH");
            var thai = localizer["Cases"];
            Assert.False(thai.ResourceNotFound, "th-TH found no resource for \"Cases\"");
            Assert.Equal(expectedThai, thai.Value);
            Assert.NotEqual("Cases", thai.Value);

            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
            Assert.Equal("Cases", localizer["Cases"].Value);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
