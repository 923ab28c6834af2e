using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core;
using Saphan.Core.Features.Indicators;

namespace Saphan.Cli.Features.Report;

/// <summary>The quarterly report with its figures, the trend over the last quarters and the definitions.</summary>
internal sealed record QuarterlyReport(IndicatorSet Set, IReadOnlyList<IndicatorTrendPoint> Trend, DateTimeOffset ProducedAt);

/// <summary>
/// <c>./saphan report --org ID|network --quarter 2026Q1 --out FILE.pdf|FILE.xlsx</c>: the quarterly report an
/// organisation sends to MSDHS (or the network's, with small cells suppressed), format chosen by the extension.
/// <c>./saphan report backfill</c> fills the age band of cases saved before migration 0013 and builds the indicator facts
/// (migration 0016) of a database that held records before them.
/// </summary>
internal static class ReportCommand
{
    public const int TrendQuarters = 8;

    public static Command Create()
    {
        var org = new Option<string?>("--org") { Description = "The organisation's id (./saphan org list), or \"network\" for the whole network" };
        var quarter = new Option<string?>("--quarter") { Description = "The quarter, e.g. 2026Q1" };
        var output = new Option<string?>("--out") { Description = "The file to write: .pdf or .xlsx" };
        var report = new Command("report", "Write the quarterly indicator report (MSDHS) as PDF or XLSX") { org, quarter, output };
        report.SetAction((parse, cancellationToken) =>
        {
            var errors = new ValidationErrors();
            var orgText = parse.GetValue(org);
            Guid? organisationId = null;
            if (orgText is null)
            {
                errors.Add("--org", "Give an organisation id or network.");
            }
            else if (orgText != "network")
            {
                if (Guid.TryParse(orgText, out var id))
                {
                    organisationId = id;
                }
                else
                {
                    errors.Add("--org", "Not an organisation id (see ./saphan org list) nor network.");
                }
            }

            if (!Quarter.TryParse(parse.GetValue(quarter), out var period))
            {
                errors.Add("--quarter", "Give a quarter as YYYYQn, for example 2026Q1.");
            }

            var path = parse.GetValue(output);
            var extension = Path.GetExtension(path ?? "").ToLowerInvariant();
            if (path is null || extension is not (".pdf" or ".xlsx"))
            {
                errors.Add("--out", "Give a file name ending in .pdf or .xlsx.");
            }

            if (errors.Any)
            {
                foreach (var (field, messages) in errors.ToDictionary())
                {
                    Console.Error.WriteLine($"error: {field}: {string.Join(" ", messages)}");
                }

                return Task.FromResult(2);
            }

            string? fontProblem = null;
            if (extension == ".pdf" && !ReportFonts.TryInstall(out fontProblem))
            {
                Console.Error.WriteLine("error: " + fontProblem);
                return Task.FromResult(1);
            }

            return CliServices.RunAsync(async services =>
            {
                await CliServices.EnsureSchemaCurrentAsync(services, cancellationToken);
                var clock = Stopwatch.StartNew();
                var indicators = services.GetRequiredService<GetIndicators>();
                var set = await indicators.ComputeAsync(period, organisationId, includeHealth: true, cancellationToken);
                var trend = await indicators.TrendForAsync(period, TrendQuarters, organisationId, includeHealth: true, cancellationToken);
                var document = new QuarterlyReport(set, trend, TimeProvider.System.GetUtcNow());
                var full = Path.GetFullPath(path!);
                if (extension == ".pdf")
                {
                    PdfReport.Write(document, full);
                }
                else
                {
                    XlsxReport.Write(document, full);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {full}: {set.Scope} {set.Period}, {set.Indicators.Count} indicators (computed in {set.ElapsedMilliseconds} ms, report in {clock.ElapsedMilliseconds} ms)"));
                return 0;
            });
        });

        var backfill = new Command("backfill", "Fill the de-identified age band of cases saved before it existed (decrypts birth dates in memory), then build the indicator facts");
        backfill.SetAction((_, cancellationToken) => CliServices.RunAsync(async services =>
        {
            await CliServices.EnsureSchemaCurrentAsync(services, cancellationToken);
            var filled = await services.GetRequiredService<AgeBandBackfill>().RunAsync(cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"age band filled on {filled} cases"));
            var clock = Stopwatch.StartNew();
            var facts = await IndicatorFacts.RebuildAsync(services.GetRequiredService<Saphan.Core.Data.SaphanDbContext>(), cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"indicator facts built: {facts} rows in {clock.Elapsed.TotalSeconds:F1} s"));
            return 0;
        }));
        report.Subcommands.Add(backfill);

        var docsOut = new Option<string>("--out") { Description = "Where to write the catalogue", DefaultValueFactory = _ => "docs/indicators.md" };
        var docs = new Command("docs", "Regenerate docs/indicators.md from the indicator catalogue") { docsOut };
        docs.SetAction(parse =>
        {
            var target = Path.GetFullPath(parse.GetValue(docsOut)!);
            File.WriteAllText(target, IndicatorMarkdown.Render());
            Console.WriteLine("wrote " + target);
            return 0;
        });
        report.Subcommands.Add(docs);
        return report;
    }
}
