using System.CommandLine;
using Saphan.Cli.Features.Audit;
using Saphan.Cli.Features.Database;
using Saphan.Cli.Features.Demo;
using Saphan.Cli.Features.Linkage;
using Saphan.Cli.Features.Organisations;
using Saphan.Cli.Features.Serve;
using Saphan.Cli.Features.Users;

var root = new RootCommand("Saphan: counter-trafficking case and data platform. Configuration: SAPHAN_DATA, SAPHAN_DB, SAPHAN_KEY_FILE.")
{
    DemoCommand.Create(),
    ServeCommand.Create(),
    OrganisationCommand.Create(),
    UserCommand.Create(),
    TokenCommand.Create(),
    DatabaseCommand.Create(),
    AuditCommand.Create(),
    LinkCommand.Create(),
    Saphan.Cli.Features.Standard.StandardCommand.Create(),
    Saphan.Cli.Features.Import.ImportCommand.Create(),
    Saphan.Cli.Features.Export.ExportCommand.Create(),
    Saphan.Cli.Features.Export.XlsFormCommand.Create(),
    Saphan.Cli.Features.Repository.RepositoryCommand.Create(),
    Saphan.Cli.Features.Report.ReportCommand.Create(),
    TestCommand(),
};
return await root.Parse(args).InvokeAsync();

// `./saphan test` is run by the script itself (it needs no build of the CLI); listed here for --help.
static Command TestCommand()
{
    var test = new Command("test", "Run every test suite on SQLite and on a throwaway PostgreSQL, with browser tests; ends with 'Tests: N passed, M failed'");
    test.SetAction(_ =>
    {
        Console.Error.WriteLine("Run the tests with ./saphan test from the repository root (scripts/test.sh).");
        return 2;
    });
    return test;
}
