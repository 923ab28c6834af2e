using System.Globalization;

namespace Saphan.Core.Features.Persons;

/// <summary>
/// The placeholder name of a person not yet identified (a case opened from a tip). It is stored as a neutral marker,
/// not as words in one language, and rendered in the reader's language wherever a name is shown (case list, case
/// page, API, exports follow the request's language). Editing the case keeps the marker until someone types a real
/// name. Cases opened before this change stored the English words: they are read as the same marker. A placeholder
/// is no name: it is not indexed for search nor used to link records in the repository.
/// </summary>
public static class PersonNames
{
    /// <summary>What is stored (encrypted like any name) for a person from a tip.</summary>
    public const string FromTipMarker = "[unknown:from_tip]";
    /// <summary>What cases opened from a tip stored before the marker: English only.</summary>
    public const string LegacyFromTip = "Unknown (from a tip)";
    public const string FromTipEnglish = "Unknown (from a tip)";
    public const string FromTipThai = "ไม่ทราบชื่อ (จากเบาะแส)";

    public static bool IsPlaceholder(string? name) => name is FromTipMarker or LegacyFromTip;

    /// <summary>The name to show: the placeholder in the given language (the current UI language by default), any real name as it is.</summary>
    public static string Display(string name, CultureInfo? culture = null) =>
        !IsPlaceholder(name) ? name
        : (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "th" ? FromTipThai : FromTipEnglish;

    /// <summary>A submitted name that is the placeholder as shown, in any language, is stored as the marker again.</summary>
    public static string Normalise(string name) =>
        name is FromTipEnglish or FromTipThai or FromTipMarker ? FromTipMarker : name;
}
