using EShop.Ordering;
using EShop.Shipping;
using EShop.Tests.Shared;

namespace EShop.Tests.Ordering;

// The saga's reminder ticks as often as its most frequent step needs (here a payment's retry, every second); a parcel
// in transit is tracked once per tracking interval (four seconds) all the same, from the shipment as the saga last
// committed it, so a shop's parcels in transit do not cost a carrier call and a transaction on every tick.
public sealed class TrackingCadenceTests : IAsyncLifetime
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(4);

    private SandboxServer _sandbox = null!;
    private Orleans.TestingHost.TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(new Dictionary<string, string?> { ["EShop:Shipping:SandboxStepInterval"] = Step.ToString() });
        _cluster = await TestSilo.StartAsync(silos: 1, new Dictionary<string, string>
        {
            ["EShop:Payments:ProcessorUrl"] = _sandbox.Url.ToString(),
            ["EShop:Shipping:CarrierUrl"] = _sandbox.Url.ToString(),
            ["EShop:Shipping:SandboxStepInterval"] = Step.ToString(),
            ["EShop:Ordering:PaymentRetryInterval"] = "00:00:01",
        });
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task ParcelInTransit_IsTrackedOncePerInterval_NotOnEveryTick_AndStillDelivered()
    {
        var grains = _cluster.GrainFactory;
        var product = await TestCatalog.CreateProductAsync(grains, stock: 5);
        var customerId = await Checkouts.CustomerWithCartAsync(grains, (product.Id, 1));
        var placed = (await Checkouts.CheckoutAsync(grains, Checkouts.Request(customerId))).Value!;

        var order = await Orders.WaitForAsync(grains, placed.Id, o => o.Status == OrderStatus.Delivered, TimeSpan.FromSeconds(60));
        var shipment = (await grains.GetGrain<IShipmentGrain>(placed.Id).GetAsync())!;
        var tracked = _sandbox.RequestsTo($"GET /carrier/v1/shipments/{shipment.TrackingNumber}");

        Assert.Equal(
            [ShipmentStatus.LabelCreated, ShipmentStatus.PickedUp, ShipmentStatus.InTransit, ShipmentStatus.OutForDelivery, ShipmentStatus.Delivered],
            shipment.Events.Select(e => e.Status));
        Assert.Equal([OrderTimeline.Placed, OrderTimeline.Paid, OrderTimeline.Shipped, OrderTimeline.Delivered], order.Timeline.Select(e => e.Type));

        // About one ask per interval of the time delivery took, and a few more for the drift between the sandbox's
        // steps and the asks; asking on each tick made about four per interval (20 in this test).
        var intervals = (int)Math.Ceiling((shipment.Events[^1].At - shipment.Events[0].At) / Step);
        Assert.InRange(tracked, 1, intervals + 3);
    }
}
