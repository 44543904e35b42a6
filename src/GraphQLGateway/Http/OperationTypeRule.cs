using GraphQLParser.AST;

namespace EShop.GraphQLGateway.Http;

// A transport's rule that looks only at the type of the operation it runs: a cached document whose operations are all
// of types it allows can skip it.
public interface IOperationTypeRule
{
    bool Allows(OperationType type);
}
