using EShop.Silo.Persistence;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace EShop.Tests.Persistence;

// Each context's connection derives from ConnectionStrings:Postgres: its schema, a capped pool and prepared statements,
// each unless the base string or the context's own setting says otherwise.
public sealed class PostgresConnectionsTests
{
    private static NpgsqlConnectionStringBuilder For(string schema, params (string Key, string Value)[] settings) =>
        new(PostgresConnections.For(new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build(), schema));

    [Fact]
    public void Derived_HasTheSchemaACappedPoolAndPreparesRepeatedStatements()
    {
        var derived = For("ordering", ("ConnectionStrings:Postgres", "Host=db;Database=eshop"));

        Assert.Equal(("db", "eshop", "ordering"), (derived.Host, derived.Database, derived.SearchPath));
        Assert.Equal((PostgresConnections.DerivedPoolSize, PostgresConnections.AutoPreparedStatements, 2, true),
            (derived.MaxPoolSize, derived.MaxAutoPrepare, derived.AutoPrepareMinUsages, derived.NoResetOnClose));
    }

    [Fact]
    public void Derived_KeepsWhatTheBaseStringSets()
    {
        var derived = For("catalog", ("ConnectionStrings:Postgres", "Host=db;Database=eshop;Maximum Pool Size=40;Max Auto Prepare=0;No Reset On Close=false"));

        Assert.Equal((40, 0, false), (derived.MaxPoolSize, derived.MaxAutoPrepare, derived.NoResetOnClose));
    }

    [Fact]
    public void AContextsOwnSetting_IsTakenAsItIs()
    {
        var own = For("carts", ("ConnectionStrings:Postgres", "Host=db;Database=eshop"), ("EShop:Databases:carts", "Host=other;Database=carts"));

        Assert.Equal(("other", "carts", 0), (own.Host, own.Database, own.MaxAutoPrepare));
    }
}
