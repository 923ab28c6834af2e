using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Saphan.Testing;

/// <summary>
/// Records the SQL that EF Core sends to one database (matched by its connection string) while it is alive, through
/// EF's diagnostic events — whatever the app's log filters — so a test can count how often a table is read. Other
/// databases (tests running in parallel) are ignored.
/// </summary>
public sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _connectionString;
    private readonly IDisposable _all;
    private readonly List<IDisposable> _listeners = [];
    private readonly ConcurrentQueue<string> _commands = new();

    public SqlCommandCounter(string connectionString)
    {
        _connectionString = connectionString;
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public IReadOnlyCollection<string> Commands => _commands;

    /// <summary>The commands that name the table (as EF quotes it or not).</summary>
    public int Reading(string table) => _commands.Count(c => c.Contains('"' + table + '"', StringComparison.Ordinal) || c.Contains(" " + table + " ", StringComparison.Ordinal));

    public void Clear() => _commands.Clear();

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_listeners)
            {
                _listeners.Add(value.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data
            && data.Context?.Database.GetConnectionString() == _connectionString)
        {
            _commands.Enqueue(data.Command.CommandText);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
        }
    }
}
