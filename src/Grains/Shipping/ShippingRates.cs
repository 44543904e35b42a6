using System.Collections.Frozen;
using EShop.Ordering;
using EShop.Shared;

namespace EShop.Shipping;

// The rate tables: a destination country falls in a zone; a zone prices each speed as a base for the first half
// kilogram plus a rate per further half kilogram (started halves count), with the days it usually takes. Countries
// outside every zone are not shipped to.
public static class ShippingRates
{
    private sealed record Rate(decimal Base, decimal PerHalfKilo, int Days);

    private sealed record Zone(string Name, Rate Standard, Rate Express);

    private static readonly Zone Domestic = new("domestic", new(4.99m, 0.60m, 4), new(14.99m, 1.20m, 1));
    private static readonly Zone NorthAmerica = new("north-america", new(9.99m, 1.10m, 7), new(24.99m, 2.20m, 3));
    private static readonly Zone Europe = new("europe", new(12.99m, 1.40m, 8), new(29.99m, 2.60m, 3));
    private static readonly Zone World = new("world", new(19.99m, 2.10m, 12), new(39.99m, 3.80m, 5));

    private static readonly FrozenDictionary<string, Zone> Zones = new Dictionary<string, Zone>
    {
        ["US"] = Domestic,
        ["CA"] = NorthAmerica, ["MX"] = NorthAmerica,
        ["AT"] = Europe, ["BE"] = Europe, ["CH"] = Europe, ["CZ"] = Europe, ["DE"] = Europe, ["DK"] = Europe,
        ["ES"] = Europe, ["FI"] = Europe, ["FR"] = Europe, ["GB"] = Europe, ["GR"] = Europe, ["IE"] = Europe,
        ["IT"] = Europe, ["NL"] = Europe, ["NO"] = Europe, ["PL"] = Europe, ["PT"] = Europe, ["SE"] = Europe,
        ["AR"] = World, ["AU"] = World, ["BR"] = World, ["CL"] = World, ["CO"] = World, ["IN"] = World,
        ["JP"] = World, ["KR"] = World, ["NZ"] = World, ["SG"] = World, ["ZA"] = World,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static bool Ships(string country) => Zones.ContainsKey(country.Trim());

    public static UserError? ValidateCountry(string country, params string[] field) =>
        Ships(country) ? null : UserError.Of(ErrorCodes.InvalidInput, $"We do not ship to '{country}'.", field);

    public static ShippingOption Quote(string country, int weightGrams, ShippingSpeed speed)
    {
        var zone = Zones.TryGetValue(country.Trim(), out var z) ? z : throw new ArgumentException($"No zone ships to '{country}'.", nameof(country));
        var rate = speed == ShippingSpeed.Express ? zone.Express : zone.Standard;
        var extraHalves = Math.Max(0, (weightGrams + 499) / 500 - 1);
        return new ShippingOption(speed, rate.Base + rate.PerHalfKilo * extraHalves, Currency.Default, rate.Days);
    }

    public static IEnumerable<ShippingOption> QuoteAll(string country, int weightGrams) =>
        Enum.GetValues<ShippingSpeed>().Select(speed => Quote(country, weightGrams, speed));
}
