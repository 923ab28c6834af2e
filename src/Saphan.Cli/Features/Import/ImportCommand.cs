using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Import;

namespace Saphan.Cli.Features.Import;

internal static class ImportCommand
{
    /// <summary>How many report lines are printed on the terminal; the --report file has them all.</summary>
    private const int PrintedIssues = 20;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "An .xlsx (or legacy .xls) workbook or a CSV export of the spreadsheet (UTF-8, UTF-16, or Thai Windows-874/TIS-620)" };
        var sheet = new Option<string?>("--sheet") { Description = "The sheet of an .xlsx or .xls workbook to read (default: the first)" };
        var maxSize = new Option<int>("--max-size") { Description = "The largest file accepted, in MiB", DefaultValueFactory = _ => (int)(ImportLimits.Default.MaxFileBytes / (1024 * 1024)) };
        var org = new Option<Guid>("--org") { Description = "The organisation the persons and cases belong to (see: ./saphan org list)", Required = true };
        var mapping = new Option<string>("--mapping") { Description = "auto (suggest from the headers and values) or the name of a saved mapping", DefaultValueFactory = _ => "auto" };
        var saveMapping = new Option<string?>("--save-mapping") { Description = "Store the mapping used under this name for the organisation" };
        var map = new Option<string[]>("--map") { Description = "Correct one column: \"HEADER=TARGET\" (TARGET e.g. person.givenName, or ignore); repeatable" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check everything and print the report; store nothing" };
        var report = new Option<FileInfo?>("--report") { Description = "Write every rejected, doubtful or duplicate cell to this CSV file (row, column, kind, reason — never the value)" };
        var closureReason = new Option<string?>("--closure-reason") { Description = "The closure reason of closed rows that give none (e.g. goals_met, lost_contact); without it such rows are rejected" };
        var batch = new Option<int>("--batch-size") { Description = "Rows per save inside the one transaction", DefaultValueFactory = _ => ImportOptions.DefaultBatchSize, Hidden = true };
        var command = new Command("import", "Import persons and cases from an .xlsx workbook or a CSV spreadsheet export into one organisation (all or nothing; the same file twice adds nothing)")
        {
            file, org, mapping, saveMapping, map, dryRun, report, batch, sheet, maxSize, closureReason,
        };
        command.SetAction((parse, cancellationToken) => CliServices.RunAsync(async services =>
        {
            await CliServices.EnsureSchemaCurrentAsync(services, cancellationToken);
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync("error: no such file: " + path.FullName);
                return 1;
            }

            var defaultReason = parse.GetValue(closureReason);
            if (defaultReason is not null && !Saphan.Core.Features.Standard.StandardValueSets.ClosureReason.Contains(defaultReason))
            {
                await Console.Error.WriteLineAsync("error: --closure-reason takes one of: " + Saphan.Core.Features.Standard.StandardValueSets.ClosureReason.Describe() + ".");
                return 1;
            }

            var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var item in parse.GetValue(map) ?? [])
            {
                var at = item.LastIndexOf('=');
                if (at <= 0)
                {
                    await Console.Error.WriteLineAsync("error: --map takes \"HEADER=TARGET\".");
                    return 1;
                }

                overrides[item[..at].Trim()] = item[(at + 1)..].Trim();
            }

            var printed = 0;
            var reportPath = parse.GetValue(report);
            await using var reportWriter = reportPath is null ? null : new StreamWriter(reportPath.FullName, false, new UTF8Encoding(true));
            reportWriter?.WriteLine("row,column,kind,reason");
            void OnIssue(ImportIssue issue)
            {
                reportWriter?.WriteLine(string.Join(',', issue.Row.ToString(CultureInfo.InvariantCulture), Saphan.Core.Features.Export.CellSafety.Csv(issue.Column), issue.Kind, Saphan.Core.Features.Export.CellSafety.Csv(issue.Reason)));
                if (printed++ < PrintedIssues)
                {
                    Console.Error.WriteLine($"row {issue.Row.ToString(CultureInfo.InvariantCulture)}, {issue.Column}: {issue.Kind}: {issue.Reason}");
                }
            }

            var options = new ImportOptions
            {
                MappingName = parse.GetValue(mapping),
                SaveMappingAs = parse.GetValue(saveMapping),
                Overrides = overrides,
                DryRun = parse.GetValue(dryRun),
                BatchSize = Math.Max(1, parse.GetValue(batch)),
                OnIssue = OnIssue,
                Sheet = parse.GetValue(sheet),
                DefaultClosureReason = defaultReason,
                Limits = new ImportLimits { MaxFileBytes = Math.Max(1, parse.GetValue(maxSize)) * 1024L * 1024 },
            };
            // Whoever runs the CLI holds the database and its key: it imports as a supervisor (one of ImportCsv.ImportRoles).
            var actor = new Actor(Guid.Empty, parse.GetValue(org), new HashSet<string>([Roles.Supervisor], StringComparer.Ordinal));
            ImportResult result;
            try
            {
                result = await services.GetRequiredService<ImportCsv>().HandleAsync(actor, () => File.OpenRead(path.FullName), options, cancellationToken);
            }
            catch (ImportFileException problem)
            {
                await Console.Error.WriteLineAsync("error: " + problem.Message);
                Console.WriteLine("nothing imported: imported 0, duplicates 0, rejected 0");
                return 1;
            }

            if (printed > PrintedIssues)
            {
                await Console.Error.WriteLineAsync($"… and {(printed - PrintedIssues).ToString(CultureInfo.InvariantCulture)} more" + (reportPath is null ? " (use --report FILE for all)" : " (all in the report file)"));
            }

            if (result.AlreadyImportedAt is { } when)
            {
                Console.WriteLine($"already imported on {when.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}: nothing added: imported 0, duplicates 0, rejected 0");
                return 0;
            }

            Console.WriteLine("encoding: " + result.Encoding);
            foreach (var (header, target) in result.Mapping.Columns)
            {
                Console.WriteLine($"  {header} -> {target}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Rows} rows, {result.Doubtful} doubtful cells")
                + (result.DryRun ? "; dry run, nothing stored: " : ": ") + result.Summary);
            return 0;
        }));
        return command;
    }
}
