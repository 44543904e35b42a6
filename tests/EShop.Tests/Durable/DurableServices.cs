using System.Diagnostics;
using EShop.Tests.Shared;
using Npgsql;

namespace EShop.Tests.Durable;

// The real PostgreSQL and Redis that deploy/local/services.sh starts (it is idempotent: up twice is harmless), and
// a fresh database per use, so tests never see each other's rows.
public static class DurableServices
{
    public const string Redis = "127.0.0.1:56379";
    private const string Server = "Host=127.0.0.1;Port=55432;Username=postgres";

    private static readonly Lazy<Task> Up = new(async () =>
    {
        var script = Path.Combine(RepositoryFiles.Root, "deploy", "local", "services.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, "up"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"services.sh up failed: {await output}{await errors}");
        }
    });

    public static async Task<string> CreateDatabaseAsync()
    {
        await Up.Value;
        var name = "eshop_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(Server + ";Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return $"{Server};Database={name}";
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(Server + ";Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
