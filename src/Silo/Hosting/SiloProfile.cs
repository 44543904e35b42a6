namespace EShop.Silo.Hosting;

// Which providers back the silo, from EShop:Profile. The one place that choice is made.
public enum SiloProfile
{
    // Localhost clustering, memory storage, streams and reminders: nothing survives a restart.
    Local,
}
