namespace EShop.Ordering;

[GenerateSerializer, Alias("eshop.ordering.PaymentMethod")]
public enum PaymentMethod
{
    Card,
    GiftCard,
    CashOnDelivery,
}
