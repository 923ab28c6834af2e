using System.CommandLine;
using System.Globalization;
using Saphan.Linkage;
using Saphan.Linkage.Clks;
using Saphan.Linkage.Csv;
using Saphan.Linkage.Matching;

namespace Saphan.Cli.Features.Linkage;

/// <summary>Privacy-preserving record linkage with CSV in and out (see docs/linkage.md).</summary>
internal static class LinkCommand
{
    public static Command Create()
    {
        var keyOut = new Option<string>("--out") { Description = "Where to write the new network key (refuses to overwrite)", Required = true };
        var keygen = new Command("keygen", "Create a secret linkage key, shared by the organisations and never by the repository") { keyOut };
        keygen.SetAction(parse => Run(() =>
        {
            LinkageKey.Generate(parse.GetValue(keyOut)!);
            Console.WriteLine("key written to " + parse.GetValue(keyOut));
        }));

        var input = new Option<string>("--in") { Description = "persons.csv: id and any of given_name, family_name, birth_date, sex, citizenship, id_number, phone, address, postcode", Required = true };
        var key = new Option<string>("--key-file") { Description = "The network's linkage key", Required = true };
        var output = new Option<string>("--out") { Description = "encodings.csv to write (id,clk,key_id,blocking)", Required = true };
        var encode = new Command("encode", "Encode identifiers as Bloom-filter CLKs; names never leave the organisation") { input, key, output };
        encode.SetAction(parse => Run(() =>
        {
            var summary = LinkageCsv.EncodeFile(parse.GetValue(input)!, parse.GetValue(key)!, parse.GetValue(output)!);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"encoded {summary.Records} records ({summary.EmptyRecords} without identifiers) from columns {string.Join(", ", summary.ColumnsUsed)}"));
        }));

        var inputs = new Option<string[]>("--in") { Description = "Encodings of one organisation; repeat for each", Required = true, AllowMultipleArgumentsPerToken = false };
        var threshold = new Option<double>("--threshold") { Description = "Dice similarity from which two records are the same person", DefaultValueFactory = _ => MatchOptions.DefaultThreshold };
        var clusters = new Option<string>("--out") { Description = "clusters.csv to write (cluster_id,source,id)", Required = true };
        var blocking = new Option<BlockingMode>("--blocking")
        {
            Description = "auto (keyed above 1e9 pairs when every file has the blocking column, else exhaustive up to 5e10 pairs, then minhashlsh), exhaustive, keyed (needs the blocking column) or minhashlsh",
            DefaultValueFactory = _ => BlockingMode.Auto,
        };
        var margin = new Option<double>("--ambiguity-margin")
        {
            Description = "Link a pair only if it is each record's best towards the other's organisation by more than this (e.g. 0.02); a record that fits two people alike is linked to neither. 0 = off",
            DefaultValueFactory = _ => 0,
        };
        var match = new Command("match", "Link encodings across organisations into clusters, one per person") { inputs, threshold, clusters, blocking, margin };
        match.SetAction(parse => Run(() =>
        {
            var options = new MatchOptions { Threshold = parse.GetValue(threshold), Blocking = parse.GetValue(blocking), AmbiguityMargin = parse.GetValue(margin) };
            var summary = LinkageCsv.MatchFiles(parse.GetValue(inputs)!, options, parse.GetValue(clusters)!);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{summary.Records} records from {summary.Sources} sources → {summary.Clusters} persons ({summary.LinkedClusters} seen by more than one source, {summary.LinkedRecords} records linked) at threshold {summary.Threshold:0.###}"));
            if (summary.Blocking is { } report)
            {
                Console.WriteLine(report.Mode == BlockingMode.Keyed
                    ? string.Create(CultureInfo.InvariantCulture, $"blocking: keyed, {report.Comparisons} pairs scored in {report.Blocks} blocks; {report.DroppedBlocks} blocks over {options.MaxBlockSize} records dropped, {report.UnblockedRecords} records left in no block")
                    : string.Create(CultureInfo.InvariantCulture, $"blocking: {report.Mode.ToString().ToLowerInvariant()}"));
            }

            if (summary.Warning is not null)
            {
                Console.Error.WriteLine("warning: " + summary.Warning);
            }
        }));

        return new Command("link", "Privacy-preserving record linkage across organisations") { keygen, encode, match };
    }

    private static int Run(Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (Exception problem) when (problem is LinkageException or IOException or ArgumentOutOfRangeException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("error: " + problem.Message);
            return 1;
        }
    }
}
