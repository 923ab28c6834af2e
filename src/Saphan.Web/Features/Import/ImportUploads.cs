using System.Globalization;
using System.Text;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.Import;
using Saphan.Core.Features.Protection;

namespace Saphan.Web.Features.Import;

/// <summary>
/// Uploaded spreadsheets waiting between the mapping screen and the import, and the reports of finished
/// runs: files in the data folder named by organisation, user and a random token, so that one user can
/// never reach another's file (the token is useless without the same sign-in). Never the original file name.
/// An upload is encrypted as it is received (<see cref="FileProtector"/>: AES-GCM in chunks, memory stays flat),
/// read back decrypted only by the import, and deleted after the import, on cancel, or two hours after it was stored.
/// </summary>
public sealed class ImportUploads(StorageOptions storage, IConfiguration configuration, FileProtector protector)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(2);

    private string Folder
    {
        get
        {
            var folder = Path.Combine(storage.DataFolder, "uploads");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>The limits from configuration (Import:MaxFileMegabytes, default 256).</summary>
    public ImportLimits Limits => new()
    {
        MaxFileBytes = (configuration.GetValue<long?>("Import:MaxFileMegabytes") ?? ImportLimits.Default.MaxFileBytes / (1024 * 1024)) * 1024 * 1024,
    };

    private string PathOf(Actor actor, Guid token, string kind) =>
        Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"{actor.OrganisationId:N}-{actor.UserId:N}-{token:N}.{kind}"));

    public string UploadPath(Actor actor, Guid token) => PathOf(actor, token, "upload");

    public string ReportPath(Actor actor, Guid token) => PathOf(actor, token, "report.csv");

    /// <summary>Stores an upload, refusing it past the size limit without keeping a byte.</summary>
    public async Task<Guid> SaveAsync(Actor actor, Stream content, CancellationToken cancellationToken)
    {
        Sweep();
        var token = Guid.NewGuid();
        var path = UploadPath(actor, token);
        var limit = Limits.MaxFileBytes;
        try
        {
            await using var file = protector.Create(path);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    throw new ImportFileException(string.Create(CultureInfo.InvariantCulture,
                        $"The file is larger than the import limit of {limit / (1024 * 1024)} MiB: split it into several files."));
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return token;
    }

    public bool Exists(Actor actor, Guid token) => File.Exists(UploadPath(actor, token));

    /// <summary>The upload's content, decrypted as it is read (seekable: a workbook is a ZIP).</summary>
    public Stream Open(Actor actor, Guid token) => protector.Open(UploadPath(actor, token));

    public void Delete(Actor actor, Guid token) => File.Delete(UploadPath(actor, token));

    /// <summary>Writes a report: row, column, kind, reason. Never a cell's value (it may identify someone).</summary>
    public async Task WriteReportAsync(Actor actor, Guid token, IEnumerable<ImportIssue> issues, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(ReportPath(actor, token), false, new UTF8Encoding(true));
        await writer.WriteAsync("row,column,kind,reason\r\n");
        foreach (var issue in issues)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteAsync(string.Join(',', issue.Row.ToString(CultureInfo.InvariantCulture),
                Saphan.Core.Features.Export.CellSafety.Csv(issue.Column), issue.Kind, Saphan.Core.Features.Export.CellSafety.Csv(issue.Reason)) + "\r\n");
        }
    }

    /// <summary>Removes uploads and reports older than two hours (abandoned mapping screens).</summary>
    public void Sweep()
    {
        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > KeptFor)
            {
                File.Delete(file);
            }
        }
    }
}
