namespace EShop.Ordering;

// The types of an order's timeline entries, as storefronts see them in Order.timeline.
public static class OrderTimeline
{
    public const string Placed = "ORDER_PLACED";
    public const string Confirmed = "ORDER_CONFIRMED";
    public const string Paid = "ORDER_PAID";
    public const string Shipped = "ORDER_SHIPPED";
    public const string Delivered = "ORDER_DELIVERED";
    public const string Cancelled = "ORDER_CANCELLED";
    public const string Refunded = "PAYMENT_REFUNDED";
    public const string ShipmentException = "SHIPMENT_EXCEPTION";
}
