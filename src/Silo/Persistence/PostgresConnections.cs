using Npgsql;

namespace EShop.Silo.Persistence;

// Database per service: every bounded context's grain storage has a connection of its own. By default all derive
// from ConnectionStrings:Postgres with the context's name as schema (search path); EShop:Databases:<context>
// points one of them at another database or server. Each connection string is a pool of its own, so derived ones
// are capped (unless the base string sets a size) to keep a few silos within the server's max_connections.
public static class PostgresConnections
{
    // Reminders, the stream queue and the stream pub-sub state belong to the cluster, not to a context.
    public const string ClusterSchema = "orleans";

    public const int DerivedPoolSize = 16;

    public static string For(IConfiguration configuration, string schema)
    {
        if (configuration[$"EShop:Databases:{schema}"] is { Length: > 0 } configured)
        {
            return configured;
        }

        var server = configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("The Durable profile needs ConnectionStrings:Postgres (ConnectionStrings__Postgres).");
        var builder = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema };
        if (!server.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase) && !server.Contains("Max Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = DerivedPoolSize;
        }

        return builder.ConnectionString;
    }
}
