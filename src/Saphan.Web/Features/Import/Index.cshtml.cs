using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Import;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Import;

/// <summary>
/// Upload a CSV or XLSX file, see and adjust the suggested column mapping, dry-run it, import it, and
/// download the report. For the organisation's admins and supervisors; everything goes into their own
/// organisation and goes through the same import as the command line (all or nothing, idempotent, audited).
/// </summary>
[Authorize(Policy = Policies.Import)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
[RequestSizeLimit(MaxUploadBytes)]
public sealed class IndexModel(ImportCsv import, ImportUploads uploads) : PageModel
{
    /// <summary>The ceiling of any upload; the configured limit (Import:MaxFileMegabytes) is usually lower.</summary>
    public const long MaxUploadBytes = 1024L * 1024 * 1024;
    private const int ShownIssues = 50;

    [BindProperty] public Guid Token { get; set; }
    [BindProperty] public string? Sheet { get; set; }
    [BindProperty] public string? SavedMapping { get; set; }
    [BindProperty] public string? SaveMappingAs { get; set; }
    [BindProperty] public List<string> Headers { get; set; } = [];
    [BindProperty] public List<string> Targets { get; set; } = [];

    public IReadOnlyList<string> MappingNames { get; private set; } = [];
    public ImportPreview? Preview { get; private set; }
    public ImportResult? Result { get; private set; }
    public List<ImportIssue> Issues { get; } = [];
    public int IssueCount { get; private set; }
    public string? Problem { get; private set; }
    public bool NoFile { get; private set; }
    public bool HasReport { get; private set; }
    public static int IssuesShown => ShownIssues;

    private Actor Actor => User.ToActor();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        uploads.Sweep();
        MappingNames = await import.MappingNamesAsync(Actor.OrganisationId, cancellationToken);
    }

    /// <summary>Leaves the mapping screen: the waiting upload and its report are deleted at once.</summary>
    public IActionResult OnPostCancel()
    {
        uploads.Delete(Actor, Token);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        if (file is null || file.Length == 0)
        {
            NoFile = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            await using (var content = file.OpenReadStream())
            {
                Token = await uploads.SaveAsync(Actor, content, cancellationToken);
            }

            Preview = await import.PreviewAsync(Actor, () => uploads.Open(Actor, Token),
                new ImportOptions { Sheet = Blank(Sheet), MappingName = Blank(SavedMapping), Limits = uploads.Limits }, cancellationToken);
            Headers = [.. Preview.Headers];
            Targets = [.. Preview.Headers.Select(h => Preview.Mapping.Columns.TryGetValue(h, out var t) ? t : ImportTargets.Ignore)];
            return Page();
        }
        catch (ImportFileException problem)
        {
            if (Token != Guid.Empty)
            {
                uploads.Delete(Actor, Token);
            }

            Problem = problem.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    public Task<IActionResult> OnPostDryRunAsync(CancellationToken cancellationToken) => RunAsync(dryRun: true, cancellationToken);

    public Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken) => RunAsync(dryRun: false, cancellationToken);

    private async Task<IActionResult> RunAsync(bool dryRun, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        if (!uploads.Exists(Actor, Token) || Headers.Count != Targets.Count)
        {
            // Another user's token, an expired upload, or a tampered form: nothing to run.
            return NotFound();
        }

        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Headers.Count; i++)
        {
            overrides[Headers[i]] = Targets[i];
        }

        var all = new List<ImportIssue>();
        try
        {
            Result = await import.HandleAsync(Actor, () => uploads.Open(Actor, Token), new ImportOptions
            {
                DryRun = dryRun,
                Sheet = Blank(Sheet),
                Overrides = overrides,
                SaveMappingAs = dryRun ? null : Blank(SaveMappingAs),
                OnIssue = all.Add,
                Limits = uploads.Limits,
            }, cancellationToken);
        }
        catch (ImportFileException problem)
        {
            Problem = problem.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Preview = new ImportPreview(Headers, MappingOf(), "", 0, null);
            return Page();
        }

        IssueCount = all.Count;
        Issues.AddRange(all.Take(ShownIssues));
        await uploads.WriteReportAsync(Actor, Token, all, cancellationToken);
        HasReport = true;
        if (dryRun)
        {
            // Back to the mapping screen with the dry run's figures: adjust, try again, or import.
            Preview = new ImportPreview(Headers, MappingOf(), Result.Encoding, 0, null);
        }
        else
        {
            uploads.Delete(Actor, Token);
            MappingNames = await import.MappingNamesAsync(Actor.OrganisationId, cancellationToken);
        }

        return Page();
    }

    /// <summary>The report of the last run on this upload, as CSV: row, column, kind, reason.</summary>
    public IActionResult OnGetReport(Guid token)
    {
        var path = uploads.ReportPath(Actor, token);
        if (!System.IO.File.Exists(path))
        {
            return NotFound();
        }

        return PhysicalFile(path, "text/csv; charset=utf-8", "import-report.csv");
    }

    private ColumnMapping MappingOf()
    {
        var mapping = new ColumnMapping();
        for (var i = 0; i < Headers.Count; i++)
        {
            mapping.Set(Headers[i], Targets[i]);
        }

        return mapping;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
