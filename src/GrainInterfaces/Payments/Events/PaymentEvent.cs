namespace EShop.Payments.Events;

/// <summary>One entry of a payment's ledger; the ledger is the payment's only state.</summary>
[GenerateSerializer, Immutable, Alias("eshop.payments.PaymentEvent")]
public abstract record PaymentEvent([property: Id(0)] DateTimeOffset At);
