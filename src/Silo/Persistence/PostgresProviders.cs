using EShop.Shared;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Orleans.Streams;
using Orleans.Transactions.Abstractions;

namespace EShop.Silo.Persistence;

public static class PostgresProviders
{
    private const string Npgsql = "Npgsql";

    // Queues the domain events are spread over; a client that publishes must map streams to queues the same way.
    public const int StreamQueues = 4;

    // Messages a queue's pulling agent holds taken and unconfirmed (below, AddPostgresStreams).
    private const int StreamCacheSize = 256;

    // Grain storage on PostgreSQL: one provider per context, each in its own schema (or database), plus the
    // stream pub-sub store in the cluster schema. Also registers the migrations those schemas need.
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder silo, IEnumerable<string> contexts, bool withStreamQueue)
    {
        var configuration = silo.Configuration;
        var targets = new List<(string, string[])>();
        foreach (var context in contexts)
        {
            var connectionString = PostgresConnections.For(configuration, context);
            var withEventLog = StorageNames.WithEventLogs.Contains(context);
            targets.Add((connectionString, withEventLog
                ? [PostgresMigrator.StorageTrack, PostgresMigrator.TransactionsTrack, PostgresMigrator.EventLogTrack]
                : [PostgresMigrator.StorageTrack, PostgresMigrator.TransactionsTrack]));
            if (withEventLog)
            {
                // The context's event log, as rows of event_log in its schema.
                silo.Services.AddKeyedSingleton<IEventLog>(context, (services, _) => new PostgresEventLog(connectionString, services.GetRequiredService<ILogger<PostgresEventLog>>()));
            }

            // Grain state with group commit (PostgresGrainStorage), on the rows Orleans' ADO.NET bridge wrote before it.
            silo.Services.AddGrainStorage(context, (services, _) => new PostgresGrainStorage(
                connectionString,
                services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
                services.GetRequiredService<JsonGrainStateSerializer>(),
                services.GetRequiredService<IActivatorProvider>(),
                services.GetRequiredService<ILogger<PostgresGrainStorage>>()));

            // Transactional state has a table and a writer of its own (group commit); Orleans looks for a factory of
            // the storage name before it wraps the grain storage of that name.
            silo.Services.AddKeyedSingleton(context, (services, _) =>
                ActivatorUtilities.CreateInstance<PostgresTransactionalStore>(services, connectionString));
            silo.Services.AddKeyedSingleton<ITransactionalStateStorageFactory>(context, (services, _) => new PostgresTransactionalStateStorageFactory(
                services.GetRequiredKeyedService<PostgresTransactionalStore>(context),
                services.GetRequiredKeyedService<IGrainStorage>(context),
                services.GetRequiredService<JsonGrainStateSerializer>()));
        }

        var cluster = PostgresConnections.For(configuration, PostgresConnections.ClusterSchema);
        targets.Add((cluster, withStreamQueue
            ? [PostgresMigrator.StorageTrack, PostgresMigrator.RemindersTrack, PostgresMigrator.StreamingTrack]
            : [PostgresMigrator.StorageTrack, PostgresMigrator.RemindersTrack]));
        silo.AddAdoNetGrainStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME, options => options.Configure<JsonGrainStateSerializer>((o, serializer) =>
        {
            (o.Invariant, o.ConnectionString, o.GrainStorageSerializer) = (Npgsql, cluster, serializer);
        }));
        silo.UseAdoNetReminderService(options => (options.Invariant, options.ConnectionString) = (Npgsql, cluster));

        silo.Services.AddSingleton<ParticipantIdJsonConverter>();
        silo.Services.AddSingleton<PersonalDataProtector>();
        silo.Services.AddSingleton<JsonGrainStateSerializer>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
            ActivatorUtilities.CreateInstance<DatabaseMigrations>(services, (IReadOnlyList<(string, string[])>)targets));
        return silo;
    }

    // Domain events on a queue in PostgreSQL: they outlive the silo that published them, and a message a dead
    // silo took but did not confirm is delivered again after the visibility timeout.
    public static ISiloBuilder AddPostgresStreams(this ISiloBuilder silo, string name)
    {
        var cluster = PostgresConnections.For(silo.Configuration, PostgresConnections.ClusterSchema);
        silo.AddAdoNetStreams(name, configurator =>
        {
            configurator.ConfigureAdoNet(options => options.Configure(o =>
            {
                (o.Invariant, o.ConnectionString) = (Npgsql, cluster);
                o.VisibilityTimeout = TimeSpan.FromSeconds(30);
            }));
            configurator.ConfigurePartitioning(StreamQueues);

            // A taken message is confirmed only once every consumer has passed it in the pulling agent's cache, so the
            // cache must empty within the visibility timeout: a message older than that is taken and delivered again.
            // With Orleans' 4,096 messages per queue, consumers that fell behind under load (a minute of checkouts)
            // held messages for longer, and every event came round twice, then more often, each time a dead copy and a
            // slower dequeue. A queue stops taking when its cache is full, so a small one leaves a backlog waiting
            // visible in the table instead, taken once the consumers are ready for it.
            configurator.ConfigureCache(StreamCacheSize);

            // Domain events have implicit subscribers only: no pub-sub rendezvous rows to write per stream.
            configurator.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
        });
        return silo;
    }
}
