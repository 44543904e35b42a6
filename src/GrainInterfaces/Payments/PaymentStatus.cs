namespace EShop.Payments;

[GenerateSerializer, Alias("eshop.payments.PaymentStatus")]
public enum PaymentStatus
{
    Pending,
    Authorized,
    Captured,
    Declined,
    Refunded,
    PartiallyRefunded,
    Voided,
}
