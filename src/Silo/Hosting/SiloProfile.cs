namespace EShop.Silo.Hosting;

// Which providers back the silo, from EShop:Profile. SiloBuilderExtensions is the one place that choice is made.
public enum SiloProfile
{
    // Localhost clustering, memory storage and streams: nothing survives a restart.
    Local,

    // Redis membership; grain state, reminders and the domain-event queue in PostgreSQL.
    Durable,

    // As Durable, with domain events on Azure Event Hubs (EShop:EventHubs).
    Azure,
}
