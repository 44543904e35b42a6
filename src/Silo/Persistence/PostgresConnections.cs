using Npgsql;

namespace EShop.Silo.Persistence;

// Database per service: every bounded context's grain storage has a connection of its own. By default all derive
// from ConnectionStrings:Postgres with the context's name as schema (search path); EShop:Databases:<context>
// points one of them at another database or server. Each connection string is a pool of its own, so derived ones
// are capped (unless the base string sets a size) to keep a few silos within the server's max_connections,
// prepare the statements they repeat, and skip the session reset when a connection goes back to the pool (each unless
// the base string says otherwise).
public static class PostgresConnections
{
    // Reminders, the stream queue and the stream pub-sub state belong to the cluster, not to a context.
    public const string ClusterSchema = "orleans";

    public const int DerivedPoolSize = 16;

    // The silo sends a few dozen statement texts over and over (grain storage, the transactional store, the event log,
    // the stream queue, reminders). Npgsql prepares one on a connection once it has run there twice, so the server
    // parses and plans it once per connection instead of on every call.
    public const int AutoPreparedStatements = 64;

    public static string For(IConfiguration configuration, string schema)
    {
        if (configuration[$"EShop:Databases:{schema}"] is { Length: > 0 } configured)
        {
            return configured;
        }

        var server = configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("The Durable profile needs ConnectionStrings:Postgres (ConnectionStrings__Postgres).");
        var builder = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema };
        if (!Sets(server, "Maximum Pool Size", "Max Pool Size"))
        {
            builder.MaxPoolSize = DerivedPoolSize;
        }

        if (!Sets(server, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
            builder.AutoPrepareMinUsages = 2;
        }

        // With prepared statements Npgsql cannot reset a returned connection with DISCARD ALL, so it sends seven
        // statements instead (RESET ALL, pg_advisory_unlock_all(), CLOSE ALL, UNLISTEN *…) before the next command:
        // most of the statements the server ran while loading the 100,000-product catalog. Nothing here leaves
        // session state behind (no SET, LISTEN, session advisory lock or temporary table; the migrator's lock is the
        // transaction's), so there is nothing to reset.
        if (!Sets(server, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    private static bool Sets(string connectionString, params string[] keywords) =>
        keywords.Any(keyword => connectionString.Contains(keyword, StringComparison.OrdinalIgnoreCase));
}
