using EShop.Shared;
using EShop.Shipping;

namespace EShop.Ordering;

public static class CheckoutRules
{
    public static IEnumerable<UserError> Validate(CheckoutRequest request) => Validation.Collect(
        [
            Validation.Required(request.IdempotencyKey, 200, "input", "idempotencyKey"),
            .. AddressRules.Validate(request.ShippingAddress, "input", "shippingAddress"),
            ValidatePayment(request.Payment),
        ]);

    private static UserError? ValidatePayment(PaymentDetails payment) => payment.Method switch
    {
        PaymentMethod.Card => Validation.Required(payment.CardToken, 200, "input", "payment", "cardToken"),
        PaymentMethod.GiftCard => Validation.Required(payment.GiftCardCode, 64, "input", "payment", "giftCardCode"),
        _ => null,
    };
}
