using System.CommandLine;
using Saphan.Cli.Features.Audit;
using Saphan.Cli.Features.Database;
using Saphan.Cli.Features.Demo;
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
};
return await root.Parse(args).InvokeAsync();
