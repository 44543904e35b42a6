using System.Collections.Immutable;

namespace EShop.Shipping;

public sealed record CarrierTracking(string TrackingNumber, string Carrier, ImmutableArray<TrackingEvent> Events);
