using EShop.Ordering;
using EShop.Shared;

namespace EShop.Shipping;

// What makes an address one a parcel can go to, wherever it is entered: at checkout or in a customer's address book.
public static class AddressRules
{
    public static IEnumerable<UserError> Validate(Address address, params string[] path) => Validation.Collect(
        Validation.Required(address.Name, 100, [.. path, "name"]),
        Validation.Required(address.Line1, 200, [.. path, "line1"]),
        Validation.Optional(address.Line2, 200, [.. path, "line2"]),
        Validation.Required(address.City, 100, [.. path, "city"]),
        Validation.PostalCode(address.PostalCode, [.. path, "postalCode"]),
        ShippingRates.ValidateCountry(address.Country, [.. path, "country"]));
}
