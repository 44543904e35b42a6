using EShop.Customers;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Customers;

public sealed class SignUpInputGraphType : InputObjectGraphType<SignUp>
{
    public SignUpInputGraphType()
    {
        Field(s => s.Email);
        Field(s => s.Password).Description("At least 8 characters.");
        Field(s => s.Name);
    }
}
