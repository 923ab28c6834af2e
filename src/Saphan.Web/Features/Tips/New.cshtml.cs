using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Tips;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Tips;

/// <summary>A hotline operator records a tip taken on the phone; the caller gets a receipt code read out.</summary>
public sealed class NewModel(RecordPhoneTip record, SearchTips search) : PageModel
{
    [BindProperty] public TipForm Form { get; set; } = new();
    [BindProperty] public string Language { get; set; } = TipTexts.DefaultLanguage;

    public TipReceipt? Saved { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public IEnumerable<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Only to refuse early (403) an organisation that is not a hotline.
            await search.HandleAsync(User.ToActor(), new SearchTips.Query(PageSize: 1), cancellationToken);
            return Page();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            Saved = await record.HandleAsync(User.ToActor(), Form.ToInput(Language), cancellationToken);
            return Page();
        }
        catch (ValidationException invalid)
        {
            Errors = invalid.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
    }
}
