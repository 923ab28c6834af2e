using System.Diagnostics;
using Saphan.Core.Data;
using Saphan.Testing;

namespace Saphan.Cli.Tests;

/// <summary>Runs the real CLI (saphan.dll, built beside the tests) as a separate process on a test database.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(TestDatabase database, params string[] args)
    {
        using var process = Start(database, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Starts the CLI and returns at once (the caller reads or discards its output and ends it).</summary>
    public static Process Start(TestDatabase database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "saphan.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["SAPHAN_DATA"] = database.DataFolder;
        start.Environment["SAPHAN_DB"] = database.Storage.Engine == DatabaseEngine.Postgres ? database.Storage.ConnectionString : "";
        return Process.Start(start)!;
    }
}
