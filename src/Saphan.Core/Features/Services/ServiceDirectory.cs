using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Persons;
using Saphan.Core.Features.Standard;

namespace Saphan.Core.Features.Services;

/// <summary>
/// The network's service directory. Any signed-in member of the network reads it (it holds no personal data);
/// only an org admin or supervisor of the owning organisation publishes or changes a service.
/// </summary>
public sealed class ServiceDirectory(SaphanDbContext db, TimeProvider clock)
{
    /// <summary>Roles that publish and change their organisation's services.</summary>
    public static readonly IReadOnlyList<string> ManagerRoles = [Roles.OrgAdmin, Roles.Supervisor];

    public static bool CanManage(Actor actor) => actor is not null && actor.HasAnyRole(ManagerRoles);

    public async Task<ServiceView> CreateAsync(Actor actor, ServiceInput input, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        EnsureCanManage(actor);
        var now = clock.GetUtcNow();
        var service = new Service { OrganisationId = actor.OrganisationId, Type = "", Name = "", CreatedAt = now };
        Apply(service, input, now, readErrors ?? new ValidationErrors());
        db.Services.Add(service);
        db.Audit(actor, "service.created", "service", service.Id);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceView.Of(service, await OrganisationNameAsync(service.OrganisationId, cancellationToken));
    }

    public async Task<ServiceView> UpdateAsync(Actor actor, Guid id, ServiceInput input, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        EnsureCanManage(actor);
        var service = await db.Services.SingleOrDefaultAsync(s => s.Id == id && s.OrganisationId == actor.OrganisationId, cancellationToken)
            ?? throw new NotFoundException("Service");
        var now = clock.GetUtcNow();
        Apply(service, input, now, readErrors ?? new ValidationErrors());
        service.Version = Guid.NewGuid();
        db.Audit(actor, "service.updated", "service", service.Id);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceView.Of(service, await OrganisationNameAsync(service.OrganisationId, cancellationToken));
    }

    public async Task<ServiceView> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Service");
        return ServiceView.Of(service, await OrganisationNameAsync(service.OrganisationId, cancellationToken));
    }

    /// <summary>The directory, filtered. Code lists are stored comma-joined, so list filters are applied in memory (a directory is small).</summary>
    public async Task<IReadOnlyList<ServiceView>> SearchAsync(Actor actor, ServiceFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Services.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            query = query.Where(s => s.Type == filter.Type);
        }

        var services = await query.OrderBy(s => s.Type).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return services
            .Where(s => string.IsNullOrWhiteSpace(filter.Province) || s.Provinces.Contains(filter.Province))
            .Where(s => string.IsNullOrWhiteSpace(filter.Language) || s.Languages.Contains(filter.Language))
            .Where(s => string.IsNullOrWhiteSpace(filter.Gender) || s.Genders.Count == 0 || s.Genders.Contains(filter.Gender))
            .Where(s => filter.Age is null || ((s.MinAge is null || filter.Age >= s.MinAge) && (s.MaxAge is null || filter.Age <= s.MaxAge)))
            .Where(s => string.IsNullOrWhiteSpace(filter.Nationality) || s.Nationalities.Count == 0 || s.Nationalities.Contains(filter.Nationality))
            .Select(s => ServiceView.Of(s, names.GetValueOrDefault(s.OrganisationId, "")))
            .ToList();
    }

    /// <summary>
    /// The directory as CSV with an HXL hashtag row under the header (the humanitarian 3W convention). Cells that
    /// a spreadsheet would run as a formula (= + - @, tab, carriage return) are prefixed with an apostrophe.
    /// </summary>
    public static string ToCsv(IEnumerable<ServiceView> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var csv = new StringBuilder();
        Row(csv, ["Organisation", "Organisation id", "Service type", "Service", "Provinces", "Languages", "Genders", "Minimum age", "Maximum age", "Nationalities", "Capacity", "Available", "Contact"]);
        Row(csv, ["#org", "#org+id", "#sector+code", "#activity+name", "#adm1+code", "#language+code", "#targeted+gender", "#targeted+age+min", "#targeted+age+max", "#targeted+nationality", "#capacity", "#capacity+available", "#contact"]);
        foreach (var s in services)
        {
            Row(csv, [s.OrganisationName, s.OrganisationId.ToString(), s.Type, s.Name, string.Join(' ', s.Provinces), string.Join(' ', s.Languages),
                string.Join(' ', s.Genders), s.MinAge?.ToString(CultureInfo.InvariantCulture) ?? "", s.MaxAge?.ToString(CultureInfo.InvariantCulture) ?? "",
                string.Join(' ', s.Nationalities), s.Capacity.ToString(CultureInfo.InvariantCulture), s.Available.ToString(CultureInfo.InvariantCulture), s.ContactRoute ?? ""]);
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, IEnumerable<string> cells) => csv.Append(string.Join(',', cells.Select(Export.CellSafety.Csv))).Append("\r\n");

    private static void EnsureCanManage(Actor actor)
    {
        if (!CanManage(actor))
        {
            throw new ForbiddenException();
        }
    }

    private Task<string> OrganisationNameAsync(Guid id, CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).SingleAsync(cancellationToken);

    private static void Apply(Service service, ServiceInput input, DateTimeOffset now, ValidationErrors errors)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var type = Codes("service.type", "type", input.Type is null ? [] : [input.Type], today, errors);
        var name = PersonInput.Text(input.Name, "name", 200, errors);
        if (name is null && !errors.ToDictionary().ContainsKey("name"))
        {
            errors.Add("name", "Required.");
        }

        var provinces = Codes("service.provinces", "provinces", input.Provinces ?? [], today, errors);
        var languages = Codes("service.languages", "languages", input.Languages ?? [], today, errors);
        var genders = Codes("service.eligibility.genders", "genders", input.Genders ?? [], today, errors);
        var nationalities = Codes("service.eligibility.nationalities", "nationalities", input.Nationalities ?? [], today, errors);
        Range(input.MinAge, "minAge", 0, 120, errors);
        Range(input.MaxAge, "maxAge", 0, 120, errors);
        if (input.MinAge > input.MaxAge)
        {
            errors.Add("maxAge", "Must not be below the minimum age.");
        }

        if (input.Capacity is null)
        {
            errors.Add("capacity", "Required.");
        }

        Range(input.Capacity, "capacity", 0, 100_000, errors);
        Range(input.Available, "available", 0, 100_000, errors);
        if (input.Available > input.Capacity)
        {
            errors.Add("available", "Must not exceed the capacity.");
        }

        var contact = PersonInput.Text(input.ContactRoute, "contactRoute", 500, errors);
        errors.ThrowIfAny();

        service.Type = type![0];
        service.Name = name!;
        service.Provinces = [.. provinces!];
        service.Languages = [.. languages!];
        service.Genders = [.. genders!];
        service.Nationalities = [.. nationalities!];
        service.MinAge = input.MinAge;
        service.MaxAge = input.MaxAge;
        service.Capacity = input.Capacity!.Value;
        service.Available = input.Available ?? input.Capacity!.Value;
        service.ContactRoute = contact;
        service.UpdatedAt = now;
    }

    private static void Range(int? value, string field, int min, int max, ValidationErrors errors)
    {
        if (value < min || value > max)
        {
            errors.Add(field, $"Must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static IReadOnlyList<string>? Codes(string fieldCode, string path, IReadOnlyList<string> values, DateOnly today, ValidationErrors errors)
    {
        var check = StandardValidator.Check(DataStandard.Get(fieldCode), [.. values], today);
        if (!check.Ok)
        {
            errors.Add(path, check.Problem!);
            return null;
        }

        return check.Values;
    }
}
