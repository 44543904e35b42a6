using System.Text;
using EShop.Customers;
using EShop.Ordering;
using EShop.Tests.Ordering;
using EShop.Tests.Shared;
using Npgsql;

namespace EShop.Tests.Durable;

// What a copy of the database gives away: no customer's name, e-mail or address in any row of any table, as text or
// as bytes, once a customer has signed up, saved an address and ordered to it.
[Collection(DurableCollection.Name), Trait("Category", "Integration")]
public sealed class PersonalDataAtRestTests
{
    [Fact]
    public async Task RawRows_HoldNoPlaintextNameEmailOrAddress()
    {
        await using var cluster = await DurableCluster.CreateAsync();
        await cluster.StartSiloAsync();
        var grains = await cluster.ConnectClientAsync();
        var (name, email, street) = ("Zacarías Quintanilla", $"zq-{Guid.NewGuid():N}@example.com", "Calle Unicornio 42");
        var customerId = (await grains.GetGrain<IAccountsGrain>(0).SignUpAsync(new SignUp(email, "password-1", name))).Value!.Id;
        var address = new Address(name, street, "Piso Narval", "Madrid", "28013", "ES");
        Assert.True((await grains.GetGrain<ICustomerGrain>(customerId).SaveAddressAsync(null, address, makeDefault: true)).Succeeded);
        var product = await TestCatalog.CreateProductAsync(grains, price: 5m, stock: 3);
        Assert.True((await grains.GetGrain<EShop.Carts.ICartGrain>(customerId).AddAsync(product.Id, 1)).Succeeded);
        var order = await Checkouts.CheckoutAsync(grains, Checkouts.Request(customerId, address: address));
        Assert.True(order.Succeeded);

        // The state is read back through the silo: encrypted is not lost.
        Assert.Equal(name, (await grains.GetGrain<ICustomerGrain>(customerId).GetAsync())!.Name);
        Assert.Equal(street, (await grains.GetGrain<IOrderGrain>(order.Value!.Id).GetAsync())!.ShippingAddress.Line1);

        var found = await RowsContainingAsync(cluster.Postgres, ["Quintanilla", "Unicornio", "Narval", email]);
        Assert.True(found.Count == 0, "Plaintext personal data in: " + string.Join(", ", found));
    }

    // schema.table of every user table holding one of the words, as text or (in bytea columns) as UTF-8 bytes.
    private static async Task<List<string>> RowsContainingAsync(string database, string[] words)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var found = new List<string>();
        foreach (var table in tables)
        {
            foreach (var word in words)
            {
                await using var probe = new NpgsqlCommand($"SELECT count(*) FROM {table} t WHERE t::text ILIKE @text OR t::text ILIKE @hex", connection);
                probe.Parameters.AddWithValue("text", $"%{word}%");
                probe.Parameters.AddWithValue("hex", $"%{Convert.ToHexString(Encoding.UTF8.GetBytes(word)).ToLowerInvariant()}%");
                if ((long)(await probe.ExecuteScalarAsync())! > 0)
                {
                    found.Add($"{table} ({word})");
                }
            }
        }

        return found;
    }
}
