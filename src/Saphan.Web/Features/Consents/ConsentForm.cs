using System.Globalization;
using Saphan.Core.Features.Consents;

namespace Saphan.Web.Features.Consents;

/// <summary>The consent form's fields as the browser posts them.</summary>
public sealed class ConsentForm
{
    public string? Purpose { get; set; }
    public string? Status { get; set; } = "given";
    public string? Method { get; set; } = "written";
    public string? RecordedOn { get; set; } = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public string? Note { get; set; }

    public ConsentInput ToInput() => new() { Purpose = Purpose, Status = Status, Method = Method, RecordedOn = RecordedOn, Note = Note };
}

/// <summary>What the form partial needs: where it posts, what was typed and what was wrong.</summary>
public sealed record ConsentFormModel(Guid CaseId, ConsentForm Form, IDictionary<string, string[]> Errors)
{
    public IEnumerable<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];
}

/// <summary>The consent panel of the case page: the current decision per purpose, the history and, for writers, the form.</summary>
public sealed record ConsentPanelModel(CaseConsentsView Consents, bool CanRecord, ConsentFormModel Form);
