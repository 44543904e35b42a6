namespace EShop.Ordering;

[GenerateSerializer, Alias("eshop.ordering.OrderState")]
public sealed class OrderState
{
    [Id(0)] public Guid CustomerId { get; set; }
    [Id(1)] public OrderStatus Status { get; set; }
    [Id(2)] public List<OrderLine> Lines { get; set; } = [];
    [Id(3)] public decimal ShippingCost { get; set; }
    [Id(4)] public string Currency { get; set; } = "";
    [Id(5)] public Address? ShippingAddress { get; set; }
    [Id(6)] public ShippingSpeed ShippingSpeed { get; set; }
    [Id(7)] public PaymentDetails? Payment { get; set; }
    [Id(8)] public DateTimeOffset PlacedAt { get; set; }
    [Id(9)] public List<OrderEvent> Timeline { get; set; } = [];

    public bool Placed => Timeline.Count > 0;

    public OrderSnapshot? ToSnapshot(Guid id) => Placed
        ? new(id, CustomerId, Status, [.. Lines], ShippingCost, Currency, ShippingAddress!, ShippingSpeed, Payment!, PlacedAt, [.. Timeline])
        : null;
}
