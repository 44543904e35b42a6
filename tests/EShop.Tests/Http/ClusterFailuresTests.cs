using EShop.GraphQLGateway.Hosting;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Transactions;

namespace EShop.Tests.Http;

// The cluster's own failures reach a storefront as UNAVAILABLE, whatever Orleans class they were; a bug stays an
// internal error.
public sealed class ClusterFailuresTests
{
    public static TheoryData<Exception, string?> Failures => new()
    {
        { new OrleansCascadingAbortException("t", "d"), ClusterFailures.NothingChanged },
        { new OrleansBrokenTransactionLockException("t", "before prepare"), ClusterFailures.NothingChanged },
        { new OrleansTransactionAbortedException("t", "lost"), ClusterFailures.NothingChanged },
        { new OrleansTransactionInDoubtException("t"), ClusterFailures.OutcomeUnknown },
        { new SiloUnavailableException(), ClusterFailures.OutcomeUnknown },
        { new TimeoutException(), ClusterFailures.OutcomeUnknown },
        { new OrleansTransactionAbortedException("t", new ArgumentException("a bug of ours")), null },
        { new InvalidOperationException("a bug of ours"), null },
    };

    [Theory, MemberData(nameof(Failures))]
    public void ErrorFor_NamesTheClustersFailures_AndOnlyThem(Exception exception, string? message)
    {
        var error = ClusterFailures.ErrorFor(exception);

        Assert.Equal(message, error?.Message);
        Assert.Equal(message is null ? null : ClusterCircuit.UnavailableCode, error?.Code);
    }

    [Fact]
    public async Task AResolverThatMeetsACascadingAbort_AnswersUnavailable_WithoutOrleansNames()
    {
        var services = new ServiceCollection()
            .AddGraphQL(graphql => graphql.AddSchema<Throwing>().AddSystemTextJson().AddUnhandledExceptionHandler(ClusterFailures.Handle))
            .BuildServiceProvider();
        var executer = services.GetRequiredService<IDocumentExecuter<ISchema>>();

        var result = await executer.ExecuteAsync(new ExecutionOptions { Query = "{ order }", RequestServices = services });
        var json = services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result);

        var error = Assert.Single(result.Errors!);
        Assert.Equal(ClusterCircuit.UnavailableCode, error.Code);
        Assert.DoesNotContain("ORLEANS", json, StringComparison.OrdinalIgnoreCase);
    }

    private sealed class Throwing : GraphQL.Types.Schema
    {
        public Throwing(IServiceProvider services) : base(services)
        {
            var query = new ObjectGraphType { Name = "Query" };
            query.Field<StringGraphType>("order").Resolve(_ => throw new OrleansCascadingAbortException("t", "d"));
            Query = query;
        }
    }
}
