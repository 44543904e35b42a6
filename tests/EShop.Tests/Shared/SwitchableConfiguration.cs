using Microsoft.Extensions.Configuration;

namespace EShop.Tests.Shared;

// A configuration source a test changes on a running host, the way an edited appsettings.json reloads: a change
// raises the configuration's reload token, which feature flags and options monitors listen to.
public sealed class SwitchableConfiguration : IConfigurationSource
{
    private readonly Provider _provider = new();

    public IConfigurationProvider Build(IConfigurationBuilder builder) => _provider;

    public void Set(string key, string? value) => _provider.Switch(key, value);

    private sealed class Provider : ConfigurationProvider
    {
        public void Switch(string key, string? value)
        {
            Data[key] = value;
            OnReload();
        }
    }
}
