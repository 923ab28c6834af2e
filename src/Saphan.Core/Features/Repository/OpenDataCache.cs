namespace Saphan.Core.Features.Repository;

/// <summary>
/// The open data as last computed, with the version of the repository it was computed from (<see cref="OpenData"/>
/// builds the version from the latest match run, every publication and the organisations named by opt-in). The data is
/// public and the same for everyone, so one copy serves every request until the version changes.
/// </summary>
public sealed class OpenDataCache
{
    private OpenDataSnapshot? _current;
    private int _computations;

    /// <summary>One computation at a time: a burst of requests after a new run computes once.</summary>
    internal SemaphoreSlim Gate { get; } = new(1, 1);

    internal OpenDataSnapshot? Current => Volatile.Read(ref _current);

    /// <summary>How many times the figures and the dataset have been computed (for tests and diagnostics).</summary>
    public int Computations => Volatile.Read(ref _computations);

    internal void Store(OpenDataSnapshot snapshot)
    {
        Interlocked.Increment(ref _computations);
        Volatile.Write(ref _current, snapshot);
    }
}

/// <summary>The figures and the k-anonymous dataset of one version of the repository.</summary>
internal sealed record OpenDataSnapshot(string Version, OpenFigures Figures, OpenDataset Dataset);
