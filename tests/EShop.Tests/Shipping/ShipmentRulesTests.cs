using EShop.Ordering;
using EShop.Shared;
using EShop.Shipping;

namespace EShop.Tests.Shipping;

// The shipment's status rules and the rate tables, without a cluster.
public sealed class ShipmentRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Advance_ForwardSkippingAStatus_Moves()
    {
        var shipment = Labelled();

        var moved = shipment.Advance(new TrackingEvent(ShipmentStatus.InTransit, At, null));

        Assert.True(moved.Value);
        Assert.Equal(ShipmentStatus.InTransit, shipment.ToSnapshot(Guid.Empty)!.Status);
    }

    [Fact]
    public void Advance_ToAStatusAlreadyReached_ChangesNothing()
    {
        var shipment = Labelled(ShipmentStatus.PickedUp);

        var again = shipment.Advance(new TrackingEvent(ShipmentStatus.PickedUp, At, null));

        Assert.Equal((true, false, 2), (again.Succeeded, again.Value, shipment.Events.Count));
    }

    [Fact]
    public void Advance_Backwards_IsInvalidState()
    {
        var shipment = Labelled(ShipmentStatus.InTransit);

        var back = shipment.Advance(new TrackingEvent(ShipmentStatus.PickedUp, At, null));

        Assert.Equal(ErrorCodes.InvalidState, Assert.Single(back.Errors).Code);
        Assert.Equal(2, shipment.Events.Count);
    }

    [Fact]
    public void Advance_ExceptionThenTheStatusItInterrupted_Resumes()
    {
        var shipment = Labelled(ShipmentStatus.InTransit);

        shipment.Advance(new TrackingEvent(ShipmentStatus.Exception, At, "damaged"));
        var resumed = shipment.Advance(new TrackingEvent(ShipmentStatus.InTransit, At, "repacked"));

        Assert.True(resumed.Value);
        Assert.Equal([ShipmentStatus.LabelCreated, ShipmentStatus.InTransit, ShipmentStatus.Exception, ShipmentStatus.InTransit], shipment.Events.Select(e => e.Status));
    }

    [Theory]
    [InlineData(ShipmentStatus.Exception)]
    [InlineData(ShipmentStatus.OutForDelivery)]
    public void Advance_AfterDelivery_IsInvalidState(ShipmentStatus status)
    {
        var shipment = Labelled(ShipmentStatus.Delivered);

        Assert.Equal(ErrorCodes.InvalidState, Assert.Single(shipment.Advance(new TrackingEvent(status, At, null)).Errors).Code);
    }

    [Theory]
    [InlineData("US", 0, ShippingSpeed.Standard, 4.99, 4)]
    [InlineData("us", 501, ShippingSpeed.Standard, 5.59, 4)]
    [InlineData("CA", 1000, ShippingSpeed.Express, 27.19, 3)]
    [InlineData(" ES ", 2500, ShippingSpeed.Standard, 18.59, 8)]
    [InlineData("JP", 500, ShippingSpeed.Express, 39.99, 5)]
    public void Quote_ByZoneWeightAndSpeed_FollowsTheRateTable(string country, int grams, ShippingSpeed speed, decimal cost, int days)
    {
        var option = ShippingRates.Quote(country, grams, speed);

        Assert.Equal((cost, days, "USD"), (option.Cost, option.EstimatedDays, option.Currency));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("")]
    [InlineData("ESP")]
    public void ValidateCountry_NotShippedTo_NamesTheField(string country)
    {
        var error = ShippingRates.ValidateCountry(country, "input", "shippingAddress", "country")!;

        Assert.Equal((ErrorCodes.InvalidInput, "input.shippingAddress.country"), (error.Code, string.Join('.', error.Field)));
    }

    private static ShipmentState Labelled(params ShipmentStatus[] then)
    {
        var state = new ShipmentState { TrackingNumber = "SBX1", Carrier = "Sandbox Post" };
        state.Events.Add(new TrackingEvent(ShipmentStatus.LabelCreated, At, null));
        state.Events.AddRange(then.Select(s => new TrackingEvent(s, At, null)));
        return state;
    }
}
