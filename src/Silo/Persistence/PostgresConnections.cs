using Npgsql;

namespace EShop.Silo.Persistence;

// Database per service: every bounded context's grain storage has a connection of its own. By default all derive
// from ConnectionStrings:Postgres with the context's name as schema (search path); EShop:Databases:<context>
// points one of them at another database or server. Each connection string is a pool of its own, so derived ones
// are capped (unless the base string sets a size) to keep a few silos within the server's max_connections, and
// prepare the statements they repeat (unless the base string says otherwise).
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

        return builder.ConnectionString;
    }

    private static bool Sets(string connectionString, params string[] keywords) =>
        keywords.Any(keyword => connectionString.Contains(keyword, StringComparison.OrdinalIgnoreCase));
}
