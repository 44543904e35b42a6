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
        var hub = silo.Configuration.GetSection("EShop:EventHubs");
        string Required(string key) => hub[key] ?? throw new InvalidOperationException($"The Azure profile needs EShop:EventHubs:{key}.");
        silo.AddEventHubStreams(
            name,
            options => options.ConfigureEventHubConnection(Required("ConnectionString"), Required("Name"), hub["ConsumerGroup"] ?? "$Default"),
            checkpoints =>
            {
                checkpoints.TableServiceClient = new TableServiceClient(Required("CheckpointConnectionString"));
                checkpoints.PersistInterval = TimeSpan.FromSeconds(10);
            });
        return silo;
    }
}
