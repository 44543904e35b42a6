namespace EShop.Silo.Hosting;

/// <summary>Which providers back the silo, from <c>EShop:Profile</c>. The one place that choice is made.</summary>
public enum SiloProfile
{
    /// <summary>Localhost clustering, memory storage, streams and reminders: nothing survives a restart.</summary>
    Local,
}
