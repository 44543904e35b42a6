using Orleans.Runtime;

namespace EShop.Silo.Persistence;

// Brings every database this silo uses up to date before any provider reads its queries from it: the ADO.NET
// providers load orleansquery in the ApplicationServices stage, later than this one.
public sealed partial class DatabaseMigrations(IReadOnlyList<(string ConnectionString, string[] Tracks)> targets, ILogger<DatabaseMigrations> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DatabaseMigrations), ServiceLifecycleStage.RuntimeInitialize, ApplyAsync);

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        foreach (var (connectionString, tracks) in targets)
        {
            foreach (var applied in await PostgresMigrator.ApplyAsync(connectionString, tracks, cancellationToken))
            {
                LogApplied(logger, applied);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Migration}")]
    private static partial void LogApplied(ILogger logger, string migration);
}
