using System.Globalization;
using Saphan.Core.Features.Reference;
using Saphan.Core.Features.Standard;

namespace Saphan.Web.Features.Repository;

/// <summary>The repository's codes shown with the data standard's labels in the reader's language.</summary>
public static class RepositoryLabels
{
    public static string Sex(string code) => ValueSets.Gender.Label(code, CultureInfo.CurrentUICulture);

    public static string Nationality(string code) => code == "unknown" ? code : Countries.All.Label(code, CultureInfo.CurrentUICulture);

    /// <summary>The open data's groups of organisation types too few to publish one by one.</summary>
    private static readonly ValueSet TypeGroups = new("openDataTypeGroup",
    [
        new(Saphan.Core.Features.Repository.OpenData.OtherTypes, "Other organisation types", "องค์กรประเภทอื่น"),
        new(Saphan.Core.Features.Repository.OpenData.WithheldTypes, "Withheld (too few organisations)", "ไม่เปิดเผย (องค์กรน้อยเกินไป)"),
    ]);

    public static string OrganisationType(string code) =>
        (TypeGroups.Contains(code) ? TypeGroups : ValueSets.OrganisationType).Label(code, CultureInfo.CurrentUICulture);

    public static string Exploitation(string code) => StandardValueSets.ExploitationType.Label(code, CultureInfo.CurrentUICulture);

    /// <summary>A combination such as "ngo + shelter" or a journey "police → shelter [legal_aid]": each organisation type labelled.</summary>
    public static string Types(string key) =>
        string.Join(" ", key.Split(' ').Select(part => ValueSets.OrganisationType.Contains(part) || TypeGroups.Contains(part) ? OrganisationType(part) : part));

    /// <summary>A cell key of an open-data table, labelled by what the table counts.</summary>
    public static string Cell(string table, string key) => table switch
    {
        "people_by_sex" => Sex(key),
        "people_by_nationality" => Nationality(key),
        "people_by_exploitation_type" => Exploitation(key),
        "records_by_organisation_type" or "people_by_journey" => Types(key),
        _ => key,
    };
}
