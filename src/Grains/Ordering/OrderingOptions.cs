namespace EShop.Ordering;

// Bound from EShop:Ordering.
public sealed class OrderingOptions
{
    public const string Section = "EShop:Ordering";

    // An order not paid by then is cancelled and its stock released: unpaid orders cannot hold stock hostage.
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromMinutes(15);

    // How often an order waiting on its payment (the processor down, a crash mid-way) tries again.
    public TimeSpan PaymentRetryInterval { get; set; } = TimeSpan.FromSeconds(30);
}
