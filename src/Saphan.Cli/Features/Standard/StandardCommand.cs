using System.CommandLine;
using System.Globalization;
using Saphan.Core.Features.Standard;

namespace Saphan.Cli.Features.Standard;

/// <summary>The data dictionary: regenerates docs/data-standard.md (a test fails while the committed file is stale).</summary>
internal static class StandardCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = "Where to write the Markdown",
            DefaultValueFactory = _ => StandardMarkdown.DefaultPath,
        };
        var docs = new Command("docs", "Write the data dictionary as Markdown (default docs/data-standard.md)") { output };
        docs.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            try
            {
                if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
                {
                    Directory.CreateDirectory(folder);
                }

                File.WriteAllText(path, StandardMarkdown.Generate());
            }
            catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine("error: " + problem.Message);
                return 1;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {path}: data standard {DataStandard.Version}, {DataStandard.Fields.Count} fields in {DataStandard.Sections.Count} sections"));
            return 0;
        });
        return new Command("standard", "The data standard (data dictionary)") { docs };
    }
}
