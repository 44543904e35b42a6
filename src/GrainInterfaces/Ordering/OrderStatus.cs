namespace EShop.Ordering;

[GenerateSerializer, Alias("eshop.ordering.OrderStatus")]
public enum OrderStatus
{
    PendingPayment,
    Paid,
    Shipped,
    Delivered,
    Cancelled,
    Refunded,
    PartiallyRefunded,
}
