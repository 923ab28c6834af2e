using System.Globalization;
using Saphan.Core.Features.Reference;
using Saphan.Core.Features.Standard;

namespace Saphan.Core.Features.Indicators;

/// <summary>Thai and English labels of dimensions and their values, from the data dictionary's value sets.</summary>
public static class IndicatorLabels
{
    private static readonly Dictionary<string, CodedValue> Dimensions = new CodedValue[]
    {
        new(IndicatorCatalogue.Sex, "Sex", "เพศ"),
        new(IndicatorCatalogue.AgeBand, "Age band at identification", "ช่วงอายุเมื่อพบตัว"),
        new(IndicatorCatalogue.Nationality, "Nationality", "สัญชาติ"),
        new(IndicatorCatalogue.ExploitationType, "Exploitation type", "รูปแบบการแสวงประโยชน์"),
        new(IndicatorCatalogue.Province, "Province", "จังหวัด"),
        new(IndicatorCatalogue.OrganisationType, "Organisation type", "ประเภทองค์กร"),
        new(IndicatorCatalogue.ServiceType, "Service type", "ประเภทบริการ"),
        new(IndicatorCatalogue.AudienceType, "Audience", "กลุ่มผู้เข้าอบรม"),
    }.ToDictionary(v => v.Code, StringComparer.Ordinal);

    private static readonly CodedValue[] Extra =
    [
        new("unknown", "Not recorded", "ไม่ได้บันทึก"),
        new("unassigned", "Not yet assigned", "ยังไม่ได้มอบหมาย"),
        new("total", "Total", "รวม"),
    ];

    public static bool IsThai(CultureInfo culture) => culture is not null && culture.TwoLetterISOLanguageName == "th";

    public static string Dimension(string dimension, CultureInfo culture) =>
        Dimensions.TryGetValue(dimension, out var label) ? label.Label(culture) : dimension;

    public static string Name(IndicatorDefinition definition, CultureInfo culture) =>
        IsThai(culture) ? definition.Thai : definition.English;

    public static string Definition(IndicatorDefinition definition, CultureInfo culture) =>
        IsThai(culture) ? definition.DefinitionThai : definition.DefinitionEnglish;

    public static string Kind(string kind, CultureInfo culture) => kind == IndicatorCatalogue.Performance
        ? (IsThai(culture) ? "ผลการดำเนินงาน (ผลผลิต)" : "Performance (outputs)")
        : (IsThai(culture) ? "ประสิทธิผล (ผลลัพธ์)" : "Effectiveness (outcomes)");

    public static string Value(string dimension, string code, CultureInfo culture)
    {
        if (Extra.FirstOrDefault(e => e.Code == code) is { } extra)
        {
            return extra.Label(culture);
        }

        var set = dimension switch
        {
            IndicatorCatalogue.Sex => ValueSets.Gender,
            IndicatorCatalogue.AgeBand => StandardValueSets.AgeBand,
            IndicatorCatalogue.Nationality => code == "stateless" ? null : Countries.All,
            IndicatorCatalogue.ExploitationType => StandardValueSets.ExploitationType,
            IndicatorCatalogue.Province => Provinces.All,
            IndicatorCatalogue.OrganisationType => ValueSets.OrganisationType,
            IndicatorCatalogue.ServiceType => StandardValueSets.ServiceType,
            IndicatorCatalogue.AudienceType => Saphan.Core.Features.Trainings.TrainingRecords.Audience,
            _ => null,
        };
        return set?.Label(code, culture) ?? (code == "stateless" ? (IsThai(culture) ? "ไร้สัญชาติ" : "Stateless") : code);
    }

    /// <summary>A cell's value as text: "—" when suppressed, blank when there is nothing to show.</summary>
    public static string Format(IndicatorDefinition definition, IndicatorCell? cell, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (cell is null)
        {
            return "";
        }

        if (cell.Suppressed)
        {
            return "< " + IndicatorEngine.SmallCell.ToString(CultureInfo.InvariantCulture);
        }

        return cell.Value switch
        {
            null => "–",
            { } v when definition.Unit == IndicatorUnits.Percent => v.ToString("0.0", culture) + " %",
            { } v when definition.Unit == IndicatorUnits.MedianDays => v.ToString("0.#", culture) + (IsThai(culture) ? " วัน" : " days"),
            { } v => v.ToString("#,0", culture),
        };
    }
}
