using System.Security.Cryptography;
using System.Text;
using EShop.Customers;
using EShop.Ordering;
using EShop.Silo.Persistence;
using EShop.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Transactions;

namespace EShop.Tests.Persistence;

// [PersonalData] properties in stored JSON: encrypted with the configured key, readable with it (and after rotation),
// unreadable without it; rows from before encryption still read.
[Collection(ClusterCollection.Name)]
public sealed class PersonalDataEncryptionTests(EShopClusterFixture fixture)
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static CustomerState Customer() => new()
    {
        Email = "zacarias@example.com",
        Name = "Zacarías Quintanilla",
        PasswordHash = "hash",
        CreatedAt = DateTimeOffset.UnixEpoch,
        Addresses = [new SavedAddress(Guid.NewGuid(), new Address("Zacarías Quintanilla", "Calle Unicornio 42", null, "Madrid", "28013", "ES"), true)],
    };

    [Fact]
    public void WithAKey_NamesAndAddressesAreStoredEncrypted_AndReadBack()
    {
        var serializer = Serializer(("EShop:Encryption:Key", KeyA));

        var stored = serializer.Serialize(Customer());
        var text = Encoding.UTF8.GetString(stored.ToArray());
        var back = serializer.Deserialize<CustomerState>(stored);

        Assert.DoesNotContain("Zacarías", text);
        Assert.DoesNotContain("Unicornio", text);
        Assert.DoesNotContain("zacarias@", text);
        Assert.Contains("\"passwordHash\":\"hash\"", text);
        Assert.Equal(("Zacarías Quintanilla", "zacarias@example.com", "Calle Unicornio 42"), (back.Name, back.Email, back.Addresses.Single().Address.Line1));
    }

    [Fact]
    public void AfterRotation_TheOldKeyStillReads_AndAStrangerKeyCannot()
    {
        var stored = Serializer(("EShop:Encryption:Key", KeyA)).Serialize(Customer());

        var rotated = Serializer(("EShop:Encryption:Key", KeyB), ("EShop:Encryption:PreviousKeys:0", KeyA)).Deserialize<CustomerState>(stored);

        Assert.Equal("Zacarías Quintanilla", rotated.Name);
        Assert.ThrowsAny<CryptographicException>(() => Serializer(("EShop:Encryption:Key", KeyB)).Deserialize<CustomerState>(stored));
    }

    [Fact]
    public void ARowStoredBeforeEncryption_IsReadAsItIs()
    {
        var plain = Serializer().Serialize(Customer());

        var back = Serializer(("EShop:Encryption:Key", KeyA)).Deserialize<CustomerState>(plain);

        Assert.Contains("Unicornio", Encoding.UTF8.GetString(plain.ToArray()));
        Assert.Equal(("Zacarías Quintanilla", "Calle Unicornio 42"), (back.Name, back.Addresses.Single().Address.Line1));
    }

    private JsonGrainStateSerializer Serializer(params (string Key, string Value)[] settings) => new(
        new ParticipantIdJsonConverter(fixture.Cluster.Client.ServiceProvider.GetRequiredService<Serializer<ParticipantId>>()),
        new PersonalDataProtector(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build()));
}
