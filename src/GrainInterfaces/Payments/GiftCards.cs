using EShop.Shared;

namespace EShop.Payments;

public static class GiftCards
{
    // A card's grain key: the SHA-256 of its code, compared without case or surrounding spaces. The code itself, which
    // spends the card, is kept nowhere in storage, orders or the ledger.
    public static string KeyOf(string code) => Digest.Hex(code.Trim().ToUpperInvariant());

    // Why a checkout cannot pay with the card: the same words whether the debit refused or a committed read confirmed it.
    public static UserError Unknown() =>
        UserError.Of(ErrorCodes.NotFound, "No gift card has this code.", "input", "payment", "giftCardCode");

    public static UserError ShortOf(decimal balance, string currency, decimal total) =>
        UserError.Of(ErrorCodes.PaymentDeclined, $"The gift card has {balance:0.00} {currency} left; the order comes to {total:0.00}.", "input", "payment", "giftCardCode");
}
