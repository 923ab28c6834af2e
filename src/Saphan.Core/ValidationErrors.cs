namespace Saphan.Core;

/// <summary>
/// Problems with a request, field by field, collected so that one answer names every problem at once.
/// Messages describe the rule broken and never repeat the submitted value (it may be identifying).
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new ValidationException(ToDictionary());
        }
    }
}

/// <summary>Thrown by a use case whose input breaks its rules; the web layer answers 400 with these errors.</summary>
public sealed class ValidationException(IDictionary<string, string[]> errors)
    : Exception("The request is not valid: " + string.Join("; ", errors.Select(e => e.Key + ": " + string.Join(" ", e.Value))))
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>Thrown when a record does not exist for the caller: absent and not-yours look the same.</summary>
public sealed class NotFoundException(string what) : Exception(what + " not found.");

/// <summary>Thrown when the actor's role does not allow the action at all.</summary>
public sealed class ForbiddenException() : Exception("Your role does not allow this action.");
