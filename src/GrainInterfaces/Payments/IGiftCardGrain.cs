using EShop.Customers;
using EShop.Shared;

namespace EShop.Payments;

/// <summary>
/// A gift card (key: <see cref="GiftCards.KeyOf"/> its code): a store balance with transactional state. Checkout
/// debits it in the checkout transaction; refunds and voids credit it back. Every movement names the order and the step
/// it belongs to, and one already made changes nothing, so a repeated step never moves money twice.
/// </summary>
[Alias("eshop.payments.IGiftCardGrain")]
public interface IGiftCardGrain : IGrainWithStringKey
{
    /// <summary>The card; null when no card has this code.</summary>
    [Transaction(TransactionOption.CreateOrJoin), ReadOnly, Alias("Get")]
    Task<GiftCardSnapshot?> GetAsync();

    /// <summary>Issues the card with its first balance; a code already issued is refused.</summary>
    [Transaction(TransactionOption.CreateOrJoin), RequiresPermission(Permissions.GiftCardsIssue), Alias("Issue")]
    Task<Result<GiftCardSnapshot>> IssueAsync(decimal amount);

    /// <summary>Takes <paramref name="amount"/> for the order's checkout; refused (PAYMENT_DECLINED) when the balance is short.</summary>
    [Transaction(TransactionOption.Join), Alias("Debit")]
    Task<Result<GiftCardSnapshot>> DebitAsync(Guid orderId, decimal amount);

    /// <summary>Gives <paramref name="amount"/> back for the order's <paramref name="step"/> (a refund, a void).</summary>
    [Transaction(TransactionOption.CreateOrJoin), Alias("Credit")]
    Task<GiftCardSnapshot> CreditAsync(Guid orderId, string step, decimal amount);
}
