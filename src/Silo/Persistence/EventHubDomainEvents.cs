using Azure.Data.Tables;
using Orleans.Configuration;

namespace EShop.Silo.Persistence;

public static class EventHubDomainEvents
{
    // The Azure profile's domain-event stream: Azure Event Hubs, checkpointed in Azure Table storage. Configured from
    // EShop:EventHubs (ConnectionString, Name, ConsumerGroup, CheckpointConnectionString). Nothing here can run
    // without a real hub: a silo started with the Azure profile and no hub exits at start.
    public static ISiloBuilder AddEventHubDomainEvents(this ISiloBuilder silo, string name)
    {
        // Read now, not when the provider starts, so a silo missing a setting fails at once and names it.
        var hub = silo.Configuration.GetSection("EShop:EventHubs");
        string Required(string key) => hub[key] is { Length: > 0 } value ? value : throw new InvalidOperationException($"The Azure profile needs EShop:EventHubs:{key}.");
        var (connectionString, hubName, consumerGroup, checkpoints) =
            (Required("ConnectionString"), Required("Name"), hub["ConsumerGroup"] ?? "$Default", Required("CheckpointConnectionString"));
        silo.AddEventHubStreams(
            name,
            options => options.ConfigureEventHubConnection(connectionString, hubName, consumerGroup),
            checkpointer =>
            {
                checkpointer.TableServiceClient = new TableServiceClient(checkpoints);
                checkpointer.PersistInterval = TimeSpan.FromSeconds(10);
            });
        return silo;
    }
}
