namespace EShop.Payments.Events;

/// <summary>
/// One entry of a payment's ledger; the ledger is the payment's only state. <see cref="Step"/> names the processor call
/// the entry belongs to ("authorize", "capture", "void", "refund-1", …): a step is started, then completed, once.
/// </summary>
[GenerateSerializer, Immutable, Alias("eshop.payments.PaymentEvent")]
public abstract record PaymentEvent([property: Id(0)] DateTimeOffset At, [property: Id(1)] string Step);
