using System.Reflection;
using Npgsql;

namespace EShop.Silo.Persistence;

// Applies the SQL migrations of deploy/sql (embedded in this assembly) to one database schema: the first schema
// of the connection string's search path, created when missing. Each track's files run in version order, each
// once, recorded in eshop_migrations. An advisory lock makes silos that start together take turns.
public static partial class PostgresMigrator
{
    public const string StorageTrack = "storage";
    public const string RemindersTrack = "reminders";
    public const string StreamingTrack = "streaming";
    public const string EventLogTrack = "eventlog";
    public const string TransactionsTrack = "transactions";

    private const long LockKey = 0x65_73_68_6F_70; // "eshop"

    public static async Task<IReadOnlyList<string>> ApplyAsync(string connectionString, IEnumerable<string> tracks, CancellationToken cancellationToken = default)
    {
        var schema = SchemaOf(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS \"{schema}\"", cancellationToken);
        await ExecuteAsync(connection, $"""
            CREATE TABLE IF NOT EXISTS "{schema}".eshop_migrations (
                track text NOT NULL, version integer NOT NULL, name text NOT NULL,
                applied_on timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (track, version))
            """, cancellationToken);

        var applied = new List<string>();
        foreach (var migration in tracks.SelectMany(Migrations))
        {
            await using var done = new NpgsqlCommand($"SELECT 1 FROM \"{schema}\".eshop_migrations WHERE track = @track AND version = @version", connection);
            done.Parameters.AddWithValue("track", migration.Track);
            done.Parameters.AddWithValue("version", migration.Version);
            if (await done.ExecuteScalarAsync(cancellationToken) is not null)
            {
                continue;
            }

            await ExecuteAsync(connection, migration.Sql, cancellationToken);
            await using var record = new NpgsqlCommand($"INSERT INTO \"{schema}\".eshop_migrations (track, version, name) VALUES (@track, @version, @name)", connection);
            record.Parameters.AddWithValue("track", migration.Track);
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("name", migration.Name);
            await record.ExecuteNonQueryAsync(cancellationToken);
            applied.Add($"{schema}: {migration.Track}/{migration.Name}");
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    public static string SchemaOf(string connectionString)
    {
        var searchPath = new NpgsqlConnectionStringBuilder(connectionString).SearchPath;
        var schema = string.IsNullOrWhiteSpace(searchPath) ? "public" : searchPath.Split(',')[0].Trim().Trim('"');
        return SchemaName().IsMatch(schema) ? schema : throw new ArgumentException($"'{schema}' is not a schema name this migrator accepts.", nameof(connectionString));
    }

    private static IEnumerable<Migration> Migrations(string track)
    {
        var assembly = typeof(PostgresMigrator).Assembly;
        var prefix = $"sql/{track}/";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => new Migration(track, Path.GetFileNameWithoutExtension(name[prefix.Length..]), Read(assembly, name)))
            .OrderBy(m => m.Version);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial System.Text.RegularExpressions.Regex SchemaName();

    private sealed record Migration(string Track, string Name, string Sql)
    {
        public int Version => int.Parse(Name.AsSpan(0, Name.IndexOf('_')));
    }
}
