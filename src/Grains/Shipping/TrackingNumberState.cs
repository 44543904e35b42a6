namespace EShop.Shipping;

[GenerateSerializer, Alias("eshop.shipping.TrackingNumberState")]
public sealed class TrackingNumberState
{
    [Id(0)] public Guid? OrderId { get; set; }
}
