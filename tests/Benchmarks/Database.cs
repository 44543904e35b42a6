using System.Diagnostics;
using Npgsql;

namespace EShop.Benchmarks;

// The PostgreSQL and Redis of deploy/local/services.sh, for the Durable runs.
public static class Database
{
    public const int PostgresPort = 55432;
    public const string Redis = "127.0.0.1:56379";

    public static async Task UpAsync()
    {
        using var process = Process.Start("bash", [Path.Combine(ChildProcess.RepositoryRoot, "deploy", "local", "services.sh"), "up"]);
        await process.WaitForExitAsync();
    }

    public static async Task<string> CreateAsync(string name)
    {
        var server = $"Host=127.0.0.1;Port={PostgresPort};Username=postgres";
        await using var connection = new NpgsqlConnection(server + ";Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return $"{server};Database={name}";
    }
}
