using Saphan.Linkage;
using Saphan.Linkage.Clks;

namespace Saphan.Core.Features.Repository;

/// <summary>
/// Where the network's linkage key lives: a file outside the database, like the field-encryption key
/// (<c>SAPHAN_NETWORK_KEY_FILE</c>, default <c>keys/network.key</c> in the data folder). Every member organisation holds
/// the same key; the repository's tables only ever receive encodings made with it and the key's public fingerprint.
/// </summary>
public sealed record RepositoryOptions(string NetworkKeyFile)
{
    /// <summary>The matcher's score threshold (field-aware Dice).</summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>
    /// Higher than the linkage library's 0.75: on the demo network (2,000 people, 334 met again by a second organisation, names
    /// drawn from small pools) 0.75 counted 1,408 people, 0.85 counted 1,920 and 0.90 counted 2,104 (docs/repository.md).
    /// </summary>
    public const double DefaultThreshold = 0.85;

    /// <summary>
    /// <see cref="Saphan.Linkage.Matching.MatchOptions.AmbiguityMargin"/> for the repository's re-link
    /// (<c>SAPHAN_REPOSITORY_AMBIGUITY_MARGIN</c>, default 0 = off): a record that fits two people of one organisation
    /// alike is then linked to neither.
    /// </summary>
    public double AmbiguityMargin { get; init; }
    private int _keyReads;

    /// <summary>How many times the key file has been read (for tests: a publication reads it once).</summary>
    internal int KeyReads => Volatile.Read(ref _keyReads);

    /// <summary>Loads the key; <see cref="NetworkKeyMissingException"/> when there is none or it is not a key.</summary>
    public LinkageKey LoadKey()
    {
        Interlocked.Increment(ref _keyReads);
        if (!File.Exists(NetworkKeyFile))
        {
            throw new NetworkKeyMissingException("No network linkage key is configured: create one with 'saphan link keygen --out FILE' and set SAPHAN_NETWORK_KEY_FILE (default keys/network.key in the data folder).");
        }

        try
        {
            return LinkageKey.Load(NetworkKeyFile);
        }
        catch (LinkageException invalid)
        {
            throw new NetworkKeyMissingException("The network linkage key file is not valid: " + invalid.Message);
        }
    }

    /// <summary>The key's public fingerprint, or null when no key is configured.</summary>
    public string? Fingerprint()
    {
        try
        {
            return LoadKey().Fingerprint;
        }
        catch (NetworkKeyMissingException)
        {
            return null;
        }
    }
}

/// <summary>Publishing needs the network key; its absence is a configuration problem, not bad input.</summary>
public sealed class NetworkKeyMissingException(string message) : Exception(message);
