namespace EShop.Tests.Shared;

// A gateway and silo of their own whose logs and spans a TelemetryRecorder keeps: the shared gateway's would mix in
// every other test's.
public sealed class RecordedGatewayFixture() : GatewayFixture(new TelemetryRecorder());

[CollectionDefinition(Name)]
public sealed class RecordedGatewayCollection : ICollectionFixture<RecordedGatewayFixture>
{
    public const string Name = "recorded gateway";
}
