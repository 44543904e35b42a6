using EShop.Shared;
using EShop.Shipping;

namespace EShop.Ordering;

public static class CheckoutRules
{
    public static IEnumerable<UserError> Validate(CheckoutRequest request)
    {
        var a = request.ShippingAddress;
        return Validation.Collect(
            Validation.Required(request.IdempotencyKey, 200, "input", "idempotencyKey"),
            Validation.Required(a.Name, 100, "input", "shippingAddress", "name"),
            Validation.Required(a.Line1, 200, "input", "shippingAddress", "line1"),
            Validation.Optional(a.Line2, 200, "input", "shippingAddress", "line2"),
            Validation.Required(a.City, 100, "input", "shippingAddress", "city"),
            Validation.Required(a.PostalCode, 20, "input", "shippingAddress", "postalCode"),
            ShippingRates.ValidateCountry(a.Country, "input", "shippingAddress", "country"),
            ValidatePayment(request.Payment));
    }

    private static UserError? ValidatePayment(PaymentDetails payment) => payment.Method switch
    {
        PaymentMethod.Card => Validation.Required(payment.CardToken, 200, "input", "payment", "cardToken"),
        PaymentMethod.GiftCard => Validation.Required(payment.GiftCardCode, 64, "input", "payment", "giftCardCode"),
        _ => null,
    };
}
