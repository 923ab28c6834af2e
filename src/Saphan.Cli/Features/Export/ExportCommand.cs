using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core;
using Saphan.Core.Features.Export;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.XlsForms;

namespace Saphan.Cli.Features.Export;

internal static class ExportCommand
{
    /// <summary>
    /// The command line runs on the server with its key file: it acts as the organisation's supervisor (the
    /// role that may export identifying columns) and org admin. Pass --deidentified, or --format ctdc, for a
    /// file without them. Every export is audited like one from the pages. --justice adds the organisation's justice
    /// records; the command line then acts as its law enforcement too (the role <see cref="Saphan.Core.Features.Justice.JusticeAccess"/> requires).
    /// </summary>
    public static Command Create()
    {
        var org = new Option<Guid>("--org") { Description = "The organisation whose records are exported (see: ./saphan org list)", Required = true };
        var format = new Option<string>("--format") { Description = "htcds-csv, xlsx, json (HTCDS v2 layout) or ctdc (CTDC-compatible, de-identified)", DefaultValueFactory = _ => "htcds-csv" };
        format.AcceptOnlyFromAmong([.. ExportFormats.Codes]);
        var output = new Option<FileInfo>("--out") { Description = "The file to write", Required = true };
        var deidentified = new Option<bool>("--deidentified") { Description = "Leave out identifying columns (names, birth date, phone, address, document numbers, summary)" };
        var justice = new Option<bool>("--justice")
        {
            Description = "Add the justice records (legal cases, hearings, witnesses, seized assets, compensation, suspects, their identifiers and links, operations), acting as the organisation's law enforcement; not with ctdc",
        };
        var command = new Command("export", "Export an organisation's persons and cases (HTCDS layout or CTDC de-identified); audited")
        {
            org, format, output, deidentified, justice,
        };
        command.SetAction((parse, cancellationToken) => CliServices.RunAsync(async services =>
        {
            await CliServices.EnsureSchemaCurrentAsync(services, cancellationToken);
            var chosen = ExportFormats.Parse(parse.GetValue(format))!.Value;
            var path = parse.GetValue(output)!;
            var withJustice = parse.GetValue(justice);
            if (withJustice && chosen == ExportFormat.Ctdc)
            {
                await Console.Error.WriteLineAsync("error: --justice: the CTDC file is de-identified, one row per person, and has no justice tables; choose htcds-csv, xlsx or json.");
                return 1;
            }

            // Law enforcement only when asked for: without --justice the export is exactly what it was, with no justice table.
            string[] roles = withJustice ? [Roles.OrgAdmin, Roles.Supervisor, Roles.LawEnforcement] : [Roles.OrgAdmin, Roles.Supervisor];
            var actor = new Actor(Guid.Empty, parse.GetValue(org), new HashSet<string>(roles, StringComparer.Ordinal));
            var temporary = path.FullName + ".partial";
            ExportResult result;
            try
            {
                await using (var file = File.Create(temporary))
                {
                    result = await services.GetRequiredService<ExportRecords>().WriteAsync(actor, chosen, parse.GetValue(deidentified), withJustice, file, cancellationToken);
                }

                File.Move(temporary, path.FullName, overwrite: true);
            }
            catch (NotFoundException)
            {
                File.Delete(temporary);
                await Console.Error.WriteLineAsync("error: no organisation with this id (see: ./saphan org list).");
                return 1;
            }

            if (chosen == ExportFormat.Ctdc)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"exported {result.Rows} people as ctdc to {path.FullName} (k-anonymous, k = {Saphan.Core.Features.Repository.OpenData.K}: {result.Tables.GetValueOrDefault("people_left_out")} people in rarer combinations left out; export {result.ExportId:D} audited)"));
                return 0;
            }

            var tables = string.Join(", ", result.Tables.Where(t => t.Key != "cases").Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Value}")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"exported {result.Rows} cases as {chosen.Code()} to {path.FullName} ({(result.Identifying ? "with" : "without")} identifying columns; {tables}; export {result.ExportId:D} audited)"));
            return 0;
        }));
        return command;
    }
}

internal static class XlsFormCommand
{
    public static Command Create()
    {
        var output = new Option<FileInfo>("--out") { Description = "The XLSForm workbook to write (e.g. intake.xlsx)", Required = true };
        var command = new Command("xlsform", "Write the standard intake questionnaire as an XLSForm (KoboToolbox, ODK), from the data dictionary") { output };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            using (var file = File.Create(path.FullName))
            {
                IntakeForm.Write(file);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path.FullName}: {IntakeForm.Questions.Count} questions, form id {IntakeForm.FormId}"));
            return 0;
        });
        return command;
    }
}
