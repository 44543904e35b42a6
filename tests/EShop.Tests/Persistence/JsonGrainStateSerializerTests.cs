using System.Text;
using System.Text.Json;
using EShop.Carts;
using EShop.Catalog;
using EShop.Ordering;
using EShop.Ordering.Events;
using EShop.Silo.Persistence;
using EShop.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Transactions;
using Orleans.Transactions.Abstractions;

namespace EShop.Tests.Persistence;

[Collection(ClusterCollection.Name)]
public sealed class JsonGrainStateSerializerTests(EShopClusterFixture fixture)
{
    private readonly JsonGrainStateSerializer _serializer = new(
        new ParticipantIdJsonConverter(fixture.Cluster.Client.ServiceProvider.GetRequiredService<Serializer<ParticipantId>>()),
        new PersonalDataProtector(new ConfigurationBuilder().Build()));

    [Fact]
    public void TransactionalRecord_RoundTrips_AsReadableJsonNamedByAlias()
    {
        var manager = new ParticipantId("cart", (GrainReference)fixture.Grains.GetGrain<ICartGrain>(Guid.NewGuid()), ParticipantId.Role.Resource | ParticipantId.Role.Manager);
        var record = new TransactionalStateRecord<CartState>
        {
            CommittedState = new CartState { Lines = [new CartLine("sku-1", 2, 9.99m)] },
            CommittedSequenceId = 3,
            PendingStates = [new PendingTransactionState<CartState> { SequenceId = 4, TransactionId = "t-4", TransactionManager = manager, State = new CartState() }],
        };

        var bytes = _serializer.Serialize(record);
        var text = Encoding.UTF8.GetString(bytes.ToArray());
        var back = _serializer.Deserialize<TransactionalStateRecord<CartState>>(bytes);

        using var json = JsonDocument.Parse(text);
        Assert.Equal("TransactionalStateRecord<eshop.carts.CartState>", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(9.99m, json.RootElement.GetProperty("state").GetProperty("committedState").GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal());
        Assert.Equal([new CartLine("sku-1", 2, 9.99m)], back.CommittedState.Lines);
        Assert.Equal((3L, 4L, "t-4"), (back.CommittedSequenceId, back.PendingStates[0].SequenceId, back.PendingStates[0].TransactionId));
        Assert.True(ParticipantId.Comparer.Equals(manager, back.PendingStates[0].TransactionManager));
        Assert.Equal(manager.SupportedRoles, back.PendingStates[0].TransactionManager.SupportedRoles);
    }

    [Fact]
    public void OrderOutbox_RoundTripsEachEventAsItsOwnType()
    {
        var (orderId, customerId, at) = (Guid.NewGuid(), Guid.NewGuid(), new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
        var state = new OrderState
        {
            Outbox =
            [
                new OutboxEntry(1, new OrderPlaced(orderId, customerId, at, [new OrderLine("sku-1", "Kettle", 1, 30m, 500)], 42.99m),
                    [new ProductSnapshot("sku-1", "eshop", "Kettle", "", "kitchen", 500, 30m, 0m, 4, at, 7)]),
                new OutboxEntry(2, new OrderRefunded(orderId, customerId, at, 10m, 10m), []),
            ],
        };

        var bytes = _serializer.Serialize(state);
        var back = _serializer.Deserialize<OrderState>(bytes);

        using var json = JsonDocument.Parse(bytes.ToArray());
        Assert.Equal("eshop.ordering.OrderPlaced", json.RootElement.GetProperty("state").GetProperty("outbox")[0].GetProperty("event").GetProperty("type").GetString());
        var placed = Assert.IsType<OrderPlaced>(back.Outbox[0].Event);
        Assert.Equal((orderId, 42.99m, "Kettle"), (placed.OrderId, placed.Total, placed.Lines[0].ProductName));
        Assert.Equal((7L, 4), (back.Outbox[0].Products[0].Version, back.Outbox[0].Products[0].Stock));
        Assert.Equal((2L, 10m), (back.Outbox[1].Sequence, Assert.IsType<OrderRefunded>(back.Outbox[1].Event).TotalRefunded));
    }

    // What an earlier release stored (it built the envelope as a JsonObject first) reads back, and what is written now
    // is the same bytes: rows of both kinds sit side by side in one table.
    [Fact]
    public void Serialize_WritesTheBytesEarlierReleasesStored()
    {
        const string Stored = """{"type":"eshop.carts.CartState","state":{"lines":[{"productId":"caf\u00E9-1","quantity":2,"unitPrice":9.99},{"productId":"sku-2","quantity":1,"unitPrice":10}]}}""";
        var state = new CartState { Lines = [new CartLine("caf\u00e9-1", 2, 9.99m), new CartLine("sku-2", 1, 10m)] };

        Assert.Equal(Stored, Encoding.UTF8.GetString(_serializer.Serialize(state).ToArray()));
        Assert.Equal(state.Lines, _serializer.Deserialize<CartState>(BinaryData.FromString(Stored)).Lines);
    }

    [Fact]
    public void Deserialize_PayloadOfAnotherType_FailsLoudly()
    {
        var bytes = _serializer.Serialize(new CartState());

        var error = Assert.Throws<JsonException>(() => _serializer.Deserialize<EShop.Ordering.OrderState>(bytes));

        Assert.Contains("eshop.carts.CartState", error.Message);
    }
}
