using System.Diagnostics.Metrics;
using EShop.Shared;

namespace EShop.Ordering;

// The shop's business figures, as Prometheus names them once exported: eshop_orders_placed_total{payment_method},
// eshop_revenue_total{currency}, eshop_checkout_duration_seconds, eshop_checkout_refusals_total{code},
// eshop_payments_authorizations_total{outcome, payment_method}, eshop_payments_refunds_total,
// eshop_catalog_stockouts_total{product}, eshop_outbox_waiting. Each silo counts what it did; Prometheus sums them.
public sealed class OrderingMetrics
{
    public const string Name = "EShop.Ordering";

    public OrderingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        OrdersPlaced = meter.CreateCounter<long>("eshop.orders.placed", "{order}", "Orders placed, by payment method.");
        Revenue = meter.CreateCounter<double>("eshop.revenue", null, "Order totals placed, by currency.");
        CheckoutDuration = meter.CreateHistogram<double>("eshop.checkout.duration", "s", "How long a checkout took on the silo, placed or refused.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets.Seconds });
        Refusals = meter.CreateCounter<long>("eshop.checkout.refusals", "{refusal}", "Checkouts refused, by user error code.");
        Authorizations = meter.CreateCounter<long>("eshop.payments.authorizations", "{authorization}", "Payments authorized or declined.");
        Refunds = meter.CreateCounter<long>("eshop.payments.refunds", "{refund}", "Refunds made.");
        StockOuts = meter.CreateCounter<long>("eshop.catalog.stockouts", "{stockout}", "Products a checkout sold out, by product.");
        OutboxWaiting = meter.CreateUpDownCounter<long>("eshop.outbox.waiting", null, "Domain events committed and not yet published.");

        // Every series an alert or ratio divides by exists from the start, at 0, rather than from its first event.
        foreach (var method in Enum.GetNames<PaymentMethod>())
        {
            OrdersPlaced.Add(0, new KeyValuePair<string, object?>("payment_method", method));
            foreach (var outcome in new[] { "approved", "declined" })
            {
                Authorizations.Add(0, new("outcome", outcome), new("payment_method", method));
            }
        }

        foreach (var code in new[] { ErrorCodes.OutOfStock, ErrorCodes.PriceChanged, ErrorCodes.CartEmpty, ErrorCodes.PaymentDeclined, ErrorCodes.InvalidInput, ErrorCodes.NotFound })
        {
            Refusals.Add(0, new KeyValuePair<string, object?>("code", code));
        }

        Refunds.Add(0);
        Revenue.Add(0, new KeyValuePair<string, object?>("currency", Currency.Default));
    }

    public Counter<long> OrdersPlaced { get; }

    public Counter<double> Revenue { get; }

    public Histogram<double> CheckoutDuration { get; }

    public Counter<long> Refusals { get; }

    public Counter<long> Authorizations { get; }

    public Counter<long> Refunds { get; }

    public Counter<long> StockOuts { get; }

    public UpDownCounter<long> OutboxWaiting { get; }
}
