using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Audit;

namespace Saphan.Cli.Features.Audit;

internal static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "Check that no audit entry was edited or removed; exit code 1 if one was");
        verify.SetAction((_, cancellationToken) => CliServices.RunAsync(async services =>
        {
            await CliServices.EnsureSchemaCurrentAsync(services, cancellationToken);
            var result = await services.GetRequiredService<AuditLog>().VerifyAsync(services.GetRequiredService<SaphanDbContext>(), cancellationToken);
            if (result.Intact)
            {
                Console.WriteLine($"audit log intact: {result.EntriesChecked} entries verified.");
                return 0;
            }

            foreach (var problem in result.Problems)
            {
                await Console.Error.WriteLineAsync("audit log broken: " + problem);
            }

            await Console.Error.WriteLineAsync($"audit log NOT intact: {result.Problems.Count} problem(s) in {result.EntriesChecked} entries.");
            return 1;
        }));
        return new Command("audit", "The append-only audit log") { verify };
    }
}
