using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Saphan.Core;
using Saphan.Core.Features.Tips;

namespace Saphan.Web.Features.Tips;

/// <summary>
/// The public tip form at /tip, in Thai, English, Burmese, Khmer and Lao. Nothing about the sender's
/// connection or device is read or kept; a hidden field and the time the form was shown keep simple
/// scripts out, and the source is rate-limited (in memory only).
/// </summary>
[EnableRateLimiting(TipRateLimits.Submit)]
[RequestSizeLimit(64 * 1024)]
public sealed class SubmitModel(SubmitTip submit, TipFormToken formToken) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "lang")] public string? Lang { get; set; }
    [BindProperty] public TipForm Form { get; set; } = new();
    [BindProperty] public string? Website { get; set; }
    [BindProperty] public string? Shown { get; set; }

    public TipTexts Text { get; private set; } = TipTexts.For(null);
    public string? Receipt { get; private set; }
    public bool Retry { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public IEnumerable<string> ErrorsFor(string field) => TipField.Messages(Errors, field, Form, Text);

    public void OnGet()
    {
        Text = TipTexts.For(TipTexts.Choose(Lang, Request.Headers.AcceptLanguage));
        Shown = formToken.Issue();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Text = TipTexts.For(TipTexts.Choose(Lang, Request.Headers.AcceptLanguage));
        if (!string.IsNullOrEmpty(Website) || !formToken.IsPlausible(Shown))
        {
            Retry = true;
        }
        else
        {
            try
            {
                Receipt = (await submit.HandleAsync(Form.ToInput(Text.Code), TipChannels.Web, cancellationToken)).Receipt;
                return Page();
            }
            catch (ValidationException invalid)
            {
                Errors = invalid.Errors;
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        Shown = formToken.Issue();
        return Page();
    }
}

/// <summary>The form's field names, and the validation messages in the sender's language.</summary>
public static class TipField
{
    public const string Description = "description";
    public const string Province = "province";
    public const string Place = "place";
    public const string ChildrenCount = "childrenCount";
    public const string Contact = "contact";

    internal static IEnumerable<string> Messages(IDictionary<string, string[]> errors, string field, TipForm form, TipTexts text)
    {
        if (!errors.ContainsKey(field))
        {
            return [];
        }

        return field switch
        {
            Description => [string.IsNullOrWhiteSpace(form.Description) ? text["descriptionRequired"] : text["tooLong"]],
            Province => [text["provinceRequired"]],
            Place or Contact => [text["tooLong"]],
            _ => [text["invalid"]],
        };
    }
}
