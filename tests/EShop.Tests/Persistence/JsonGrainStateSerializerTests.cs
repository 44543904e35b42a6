using System.Text;
using System.Text.Json;
using EShop.Carts;
using EShop.Silo.Persistence;
using EShop.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Transactions;
using Orleans.Transactions.Abstractions;

namespace EShop.Tests.Persistence;

[Collection(ClusterCollection.Name)]
public sealed class JsonGrainStateSerializerTests(EShopClusterFixture fixture)
{
    private readonly JsonGrainStateSerializer _serializer = new(new ParticipantIdJsonConverter(
        fixture.Cluster.Client.ServiceProvider.GetRequiredService<Serializer<ParticipantId>>()));

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
    public void Deserialize_PayloadOfAnotherType_FailsLoudly()
    {
        var bytes = _serializer.Serialize(new CartState());

        var error = Assert.Throws<JsonException>(() => _serializer.Deserialize<EShop.Ordering.OrderState>(bytes));

        Assert.Contains("eshop.carts.CartState", error.Message);
    }
}
