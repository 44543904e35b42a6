using EShop.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace EShop.Tests.Persistence;

// A silo missing the settings of its profile fails while it is configured, naming what is missing, rather than
// starting and failing later somewhere less obvious.
public sealed class ProfileConfigurationTests
{
    private const string Postgres = "Host=127.0.0.1;Port=1;Username=nobody";

    [Theory]
    [InlineData("Durable", null, "ConnectionStrings:Postgres")]
    [InlineData("Azure", Postgres, "EShop:EventHubs:ConnectionString")]
    public void AddEShopSilo_WithoutTheProfilesSettings_NamesTheMissingOne(string profile, string? postgres, string missing)
    {
        var builder = Builder(profile, postgres);

        var error = Assert.Throws<InvalidOperationException>(() => builder.UseOrleans(silo => silo.AddEShopSilo()));

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void UseEShopClustering_DurableWithoutRedis_NamesIt()
    {
        var builder = Builder("Durable", Postgres);

        var error = Assert.Throws<InvalidOperationException>(() => builder.UseOrleans(silo => silo.UseEShopClustering()));

        Assert.Contains("ConnectionStrings:Redis", error.Message);
    }

    [Fact]
    public void AddEShopSilo_AzureWithEveryEventHubSetting_Configures()
    {
        var builder = Builder("Azure", Postgres);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EShop:EventHubs:ConnectionString"] = "Endpoint=sb://example.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=a2V5",
            ["EShop:EventHubs:Name"] = "domain-events",
            ["EShop:EventHubs:CheckpointConnectionString"] = "UseDevelopmentStorage=true",
        });

        builder.UseOrleans(silo => silo.AddEShopSilo());

        Assert.Contains(builder.Services, s => s.ServiceType.FullName?.Contains("EventHub", StringComparison.Ordinal) == true
            || s.ImplementationType?.FullName?.Contains("EventHub", StringComparison.Ordinal) == true);
    }

    private static HostApplicationBuilder Builder(string profile, string? postgres)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EShop:Profile"] = profile,
            ["ConnectionStrings:Postgres"] = postgres,
        });
        return builder;
    }
}
