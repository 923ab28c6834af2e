using Saphan.Core.Features.Standard;

namespace Saphan.Core.Tests.Features.Standard;

/// <summary>docs/data-standard.md is generated; the committed copy must match the dictionary.</summary>
public sealed class StandardDocsTests
{
    private static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Saphan.slnx")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }

        throw new InvalidOperationException($"No Saphan.slnx above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public void The_committed_data_standard_document_is_what_the_generator_writes()
    {
        var path = RepositoryFile(StandardMarkdown.DefaultPath);
        Assert.True(File.Exists(path), $"{StandardMarkdown.DefaultPath} is missing: run ./saphan standard docs");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        var generated = StandardMarkdown.Generate();
        if (committed != generated)
        {
            var committedLines = committed.Split('\n');
            var generatedLines = generated.Split('\n');
            var first = Enumerable.Range(0, Math.Min(committedLines.Length, generatedLines.Length))
                .FirstOrDefault(i => committedLines[i] != generatedLines[i], Math.Min(committedLines.Length, generatedLines.Length));
            Assert.Fail($"{StandardMarkdown.DefaultPath} is out of date with DataStandard (first difference at line {first + 1}). "
                + "Regenerate it with: ./saphan standard docs");
        }
    }

    [Fact]
    public void The_document_lists_every_field_and_the_values_of_small_sets()
    {
        var markdown = StandardMarkdown.Generate();
        Assert.All(DataStandard.Fields, f => Assert.Contains($"| `{f.Code}` |", markdown, StringComparison.Ordinal));
        Assert.Contains("| `debt_bondage` | Debt bondage | การใช้หนี้เป็นเครื่องผูกมัด | `DebtBondage` | `meansOfControlDebtBondage` |", markdown, StringComparison.Ordinal);
        Assert.Contains("ISO 3166-2:TH codes", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", markdown, StringComparison.Ordinal);
    }
}
