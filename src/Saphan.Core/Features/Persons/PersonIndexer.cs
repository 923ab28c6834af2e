using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Protection;

namespace Saphan.Core.Features.Persons;

/// <summary>Keeps a person's search terms (keyed hashes of names, document numbers, phone) in step with the person.</summary>
public sealed class PersonIndexer(SaphanDbContext db, BlindIndex index)
{
    public const string NameKind = "name";
    public const string DocumentKind = "document";
    public const string PhoneKind = "phone";

    public async Task ReindexAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var wanted = Terms(person).ToHashSet();
        var existing = await db.PersonSearchTerms.Where(t => t.PersonId == person.Id).ToListAsync(cancellationToken);
        db.PersonSearchTerms.RemoveRange(existing.Where(t => !wanted.Contains((t.Kind, t.Hash))));
        var have = existing.Select(t => (t.Kind, t.Hash)).ToHashSet();
        foreach (var (kind, hash) in wanted.Where(w => !have.Contains(w)))
        {
            db.PersonSearchTerms.Add(new PersonSearchTerm { PersonId = person.Id, OrganisationId = person.OrganisationId, Kind = kind, Hash = hash });
        }
    }

    public IEnumerable<(string Kind, string Hash)> Terms(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        foreach (var token in person.AllNames().SelectMany(BlindIndex.NameTokens).Distinct(StringComparer.Ordinal))
        {
            yield return (NameKind, index.Hash(NameKind, token));
        }

        foreach (var document in person.Documents)
        {
            var number = BlindIndex.Compact(document.Number);
            if (number.Length > 0)
            {
                yield return (DocumentKind, index.Hash(DocumentKind, number));
            }
        }

        var phone = BlindIndex.PhoneKey(person.Phone);
        if (phone.Length > 0)
        {
            yield return (PhoneKind, index.Hash(PhoneKind, phone));
        }
    }

    /// <summary>
    /// The persons of an organisation that a free-text query finds exactly: every name token matches,
    /// or the whole query is one of their document numbers or phone numbers.
    /// </summary>
    public IQueryable<Guid> Find(Guid organisationId, string query)
    {
        var tokens = BlindIndex.NameTokens(query).Select(t => index.Hash(NameKind, t)).ToList();
        var document = BlindIndex.Compact(query);
        var phone = BlindIndex.PhoneKey(query);
        var exact = new List<string>();
        if (document.Length > 0)
        {
            exact.Add(index.Hash(DocumentKind, document));
        }

        if (phone.Length >= 6)
        {
            exact.Add(index.Hash(PhoneKind, phone));
        }

        var terms = db.PersonSearchTerms.Where(t => t.OrganisationId == organisationId);
        var byName = terms.Where(t => t.Kind == NameKind && tokens.Contains(t.Hash))
            .GroupBy(t => t.PersonId)
            .Where(g => g.Count() == tokens.Count)
            .Select(g => g.Key);
        var byIdentifier = terms.Where(t => t.Kind != NameKind && exact.Contains(t.Hash)).Select(t => t.PersonId);
        return tokens.Count == 0 ? byIdentifier : byName.Union(byIdentifier);
    }
}
