// GraphiQL's set-up, in a file of its own so the page's Content-Security-Policy can refuse inline scripts.
// Signed-in requests: paste {"Authorization": "Bearer <accessToken>"} into the Headers pane. Tabs and headers are
// kept in sessionStorage, not localStorage: a token pasted here is gone when the browser tab closes. Subscriptions
// go over a WebSocket to the same path (graphql-transport-ws, its client is inside the GraphiQL bundle), which
// carries the Headers pane in its connection_init, as the gateway expects the credential there.
const subscriptionUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql';
const graphiqlFetcher = GraphiQL.createFetcher({ url: '/graphql', subscriptionUrl });

// The fetcher tells a subscription from the parsed document GraphiQL hands it, which GraphiQL has only once the
// editor has parsed the text: a saved tab run straight after loading comes without, and its subscription would
// go over HTTP. Parse it here then.
const fetcher = (params, options) => {
  if (!options?.documentAST) {
    try {
      options = { ...options, documentAST: GraphiQL.GraphQL.parse(params.query) };
    } catch {
      // A syntax error: the server reports it.
    }
  }
  return graphiqlFetcher(params, options);
};
const example = `# Browse the catalog, then sign up and check out — see the README for the whole walk-through.
# Follow an order as it changes: subscription { orderUpdated(orderId: "<order id>") { status timeline { type at } } }
query Browse {
  categories { id name }
  products(first: 5, search: "speaker", sort: PRICE_ASC) {
totalCount
edges { cursor node { id name salePrice { amount currency } stock } }
pageInfo { hasNextPage endCursor }
  }
}
`;
ReactDOM.createRoot(document.getElementById('graphiql'))
  .render(React.createElement(GraphiQL, { fetcher, defaultQuery: example, storage: sessionStorage, shouldPersistHeaders: true }));
