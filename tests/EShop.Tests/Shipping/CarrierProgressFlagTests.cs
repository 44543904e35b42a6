using System.Net.Http.Json;
using System.Text.Json;
using EShop.Tests.Shared;

namespace EShop.Tests.Shipping;

// The sandbox carrier's automatic progress behind a feature flag, switched on a running sandbox.
public sealed class CarrierProgressFlagTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() =>
        _sandbox = await SandboxServer.StartAsync(new Dictionary<string, string?> { ["EShop:Shipping:SandboxStepInterval"] = "00:00:00.500" });

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task AutomaticProgress_SwitchedOff_KeepsParcelsWhereTheirLabelLeftThem_AndOnAgainMovesThem()
    {
        _sandbox.Switches.Set("FeatureManagement:SandboxCarrierProgress", "false");
        var trackingNumber = await LabelAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var held = await StatusAsync(trackingNumber);
        _sandbox.Switches.Set("FeatureManagement:SandboxCarrierProgress", "true");
        var moving = await StatusAsync(trackingNumber);

        Assert.Equal("LABEL_CREATED", held);
        Assert.NotEqual("LABEL_CREATED", moving);
    }

    private async Task<string> LabelAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/carrier/v1/labels")
        {
            Content = JsonContent.Create(new { reference = Guid.NewGuid().ToString(), country = "ES", postalCode = "28013", weightGrams = 500, speed = "STANDARD" }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await _sandbox.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingNumber").GetString()!;
    }

    private async Task<string?> StatusAsync(string trackingNumber) =>
        (await _sandbox.Http.GetFromJsonAsync<JsonElement>($"/carrier/v1/shipments/{trackingNumber}")).GetProperty("status").GetString();
}
