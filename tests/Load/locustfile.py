"""A storefront's mix of GraphQL operations against a running shop, for Locust (tests/Load/run.sh runs it).

Each simulated shopper signs up once, then browses, searches, opens product pages, fills a cart, looks at it and
now and then checks out with the sandbox's tok_visa, reading its order once afterwards. Requests are named by their
GraphQL operation, as the gateway's graphql_operations_total metric names them. A request fails when its status is
not 200, its body has errors, or a mutation answers with userErrors; OUT_OF_STOCK (more units asked for than are
left) is the shop answering correctly, not a fault, so it is counted as a success on a row of its own
("AddToCart OUT_OF_STOCK", "Checkout OUT_OF_STOCK").

LOAD_THINK_TIME="min,max" sets the seconds a shopper waits between actions (default 0.5,1.5; 0,0 runs flat out).
"""

import csv
import os
import random
import time
import uuid
from collections import deque

from locust import HttpUser, between, events, task
from locust.exception import StopUser
from locust.stats import PERCENTILES_TO_REPORT, StatsCSV

# Words from the demo catalog (src/Silo/DemoCatalog/DemoCatalogData.cs): items, adjectives, a category's word.
SEARCH_TERMS = [
    "bluetooth", "headphones", "coffee", "green tea", "yoga mat", "running shoes", "desk lamp", "backpack",
    "hoodie", "olive oil", "puzzle", "board game", "chef knife", "sunscreen", "dog leash", "eco", "premium planner",
    "vintage", "smart", "kitchen",
]
CATEGORIES = [
    "electronics", "books", "home-kitchen", "garden", "toys", "sports", "clothing", "shoes", "beauty", "grocery",
    "office", "pets",
]
SORTS = ["RELEVANCE", "RELEVANCE", "PRICE_ASC", "PRICE_DESC", "NEWEST"]

PRODUCT_CARD = "id name salePrice { amount currency } inStock"

BROWSE = f"""query Browse($categoryId: ID, $sort: ProductSort) {{
  categories {{ id name }}
  products(first: 20, categoryId: $categoryId, sort: $sort) {{
    totalCount edges {{ cursor node {{ {PRODUCT_CARD} }} }} pageInfo {{ hasNextPage endCursor }}
  }}
}}"""

SEARCH = f"""query Search($search: String!) {{
  products(first: 20, search: $search) {{
    totalCount edges {{ cursor node {{ {PRODUCT_CARD} category {{ name }} }} }} pageInfo {{ hasNextPage endCursor }}
  }}
}}"""

PRODUCT = """query Product($id: ID!) {
  product(id: $id) {
    id name description price { amount currency } salePrice { amount currency } discountPercent
    stock inStock weightGrams category { id name }
  }
}"""

CART_FIELDS = "itemCount subtotal { amount currency } lines { product { id name } quantity unitPrice { amount } lineTotal { amount } }"

CART = f"query Cart {{ cart {{ {CART_FIELDS} }} }}"

RECOMMENDATIONS = f"query Recommendations($id: ID!) {{ recommendations(productId: $id, first: 5) {{ {PRODUCT_CARD} }} }}"

ADD_FAVOURITE = "mutation AddFavourite($id: ID!) { addFavourite(productId: $id) { id name } }"

FOR_ME = "query ForMe { notifications(first: 10, unreadOnly: true) { id kind product { id name } detail } recommendedForMe(first: 5) { id name } }"

SIGN_UP = """mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) { accessToken refreshToken customer { id } userErrors { code message field } }
}"""

REFRESH = """mutation RefreshToken($refreshToken: String!) {
  refreshToken(refreshToken: $refreshToken) { accessToken refreshToken userErrors { code message field } }
}"""

ADD_TO_CART = f"""mutation AddToCart($productId: ID!, $quantity: Int!) {{
  addToCart(productId: $productId, quantity: $quantity) {{ cart {{ {CART_FIELDS} }} userErrors {{ code message field }} }}
}}"""

CLEAR_CART = "mutation ClearCart { clearCart { cart { itemCount } userErrors { code message field } } }"

CHECKOUT = """mutation Checkout($input: CheckoutInput!) {
  checkout(input: $input) {
    order { id status subtotal { amount } shippingCost { amount } total { amount currency } }
    userErrors { code message field }
  }
}"""

ORDER = """query Order($id: ID!) {
  order(id: $id) { id status total { amount currency } payment { status } shipment { trackingNumber status } }
}"""

ADDRESS = {"name": "Load Test", "line1": "Calle Mayor 1", "city": "Madrid", "postalCode": "28013", "country": "ES"}

# Access tokens live 15 minutes (EShop:Jwt:AccessTokenLifetime); a shopper refreshes before that in a long run.
TOKEN_REFRESH_SECONDS = 600


def _think_time():
    low, high = (float(s) for s in os.environ.get("LOAD_THINK_TIME", "0.5,1.5").split(","))
    return between(low, high)


class GraphQLError(Exception):
    pass


_environment = None


@events.init.add_listener
def _keep_environment(environment, **_):
    global _environment
    _environment = environment


@events.quit.add_listener
def _write_final_csv(**_):
    """Rewrites the --csv files from the final figures. Locust 2.12 writes them once a second while it runs and not
    at the end, so they lack the last second's requests and disagree with the summary it prints. Each file is
    replaced, not truncated: Locust's own writer still holds the old one open and flushes it at exit."""
    prefix = _environment.parsed_options.csv_prefix if _environment and _environment.parsed_options else None
    if not prefix:
        return
    writer = StatsCSV(_environment, PERCENTILES_TO_REPORT)
    for suffix, write in (("stats", writer.requests_csv), ("failures", writer.failures_csv), ("exceptions", writer.exceptions_csv)):
        path = f"{prefix}_{suffix}.csv"
        with open(f"{path}.final", "w", newline="") as file:
            write(csv.writer(file))
        os.replace(f"{path}.final", path)


class Shopper(HttpUser):
    wait_time = _think_time()

    def on_start(self):
        self.seen = deque(maxlen=60)  # in-stock product ids from the listings this shopper saw
        self.item_count = 0
        email = f"load-{uuid.uuid4().hex[:16]}@example.com"
        payload = self.graphql("SignUp", SIGN_UP, {"input": {"email": email, "password": "load-test-pw-1", "name": "Load Test"}})
        if payload is None or not payload.get("accessToken"):
            raise StopUser()  # the failure is on the SignUp row; this shopper leaves
        self._use_tokens(payload)

    @task(10)
    def browse(self):
        data = self.graphql("Browse", BROWSE, {"categoryId": random.choice(CATEGORIES), "sort": random.choice(SORTS)})
        if data is not None:
            self._remember(data["products"])

    @task(6)
    def search(self):
        data = self.graphql("Search", SEARCH, {"search": random.choice(SEARCH_TERMS)})
        if data is not None:
            self._remember(data["products"])

    @task(8)
    def product_page(self):
        product_id = self._pick_product()
        self.graphql("Product", PRODUCT, {"id": product_id})
        self.graphql("Recommendations", RECOMMENDATIONS, {"id": product_id})

    @task(2)
    def favourite(self):
        self.graphql("AddFavourite", ADD_FAVOURITE, {"id": self._pick_product()})

    @task(1)
    def for_me(self):
        self.graphql("ForMe", FOR_ME)

    @task(4)
    def add_to_cart(self):
        self._add_to_cart()

    @task(2)
    def view_cart(self):
        data = self.graphql("Cart", CART)
        if data is not None:
            self.item_count = data["cart"]["itemCount"]

    @task(1)
    def checkout(self):
        if self.item_count == 0 and not self._add_to_cart():
            return
        payload = self.graphql("Checkout", CHECKOUT, {"input": {
            "idempotencyKey": f"load-{uuid.uuid4()}",
            "shippingAddress": ADDRESS,
            "shippingSpeed": random.choice(["STANDARD", "STANDARD", "STANDARD", "EXPRESS"]),
            "payment": {"method": "CARD", "cardToken": "tok_visa"},
        }})
        if payload is None:
            return
        if payload.get("order") is None:  # OUT_OF_STOCK: the cart is kept; this shopper gives up on it
            if self.graphql("ClearCart", CLEAR_CART) is not None:
                self.item_count = 0
            return
        self.item_count = 0
        self.graphql("Order", ORDER, {"id": payload["order"]["id"]})

    def _add_to_cart(self):
        payload = self.graphql("AddToCart", ADD_TO_CART, {"productId": self._pick_product(), "quantity": random.choice([1, 1, 1, 2])})
        if payload is None or payload.get("cart") is None:
            return False
        self.item_count = payload["cart"]["itemCount"]
        return True

    def _pick_product(self):
        if self.seen:
            return random.choice(self.seen)
        return f"{random.choice(CATEGORIES)}-{random.randint(1, 85):03d}"

    def _remember(self, connection):
        self.seen.extend(edge["node"]["id"] for edge in connection["edges"] if edge["node"]["inStock"])

    def _use_tokens(self, payload):
        self.refresh_token = payload["refreshToken"]
        self.token_at = time.monotonic()
        self.client.headers["Authorization"] = f"Bearer {payload['accessToken']}"

    def graphql(self, operation, query, variables=None):
        """POSTs one operation named `operation`; returns its data (a mutation: its payload), None when it failed."""
        if operation not in ("SignUp", "RefreshToken") and time.monotonic() - self.token_at > TOKEN_REFRESH_SECONDS:
            payload = self.graphql("RefreshToken", REFRESH, {"refreshToken": self.refresh_token})
            if payload is not None:
                self._use_tokens(payload)

        body = {"query": query, "operationName": operation, "variables": variables or {}}
        with self.client.post("/graphql", json=body, name=operation, catch_response=True) as response:
            try:
                return self._result(operation, query, response)
            except GraphQLError as error:
                response.failure(error)
                return None

    @staticmethod
    def _result(operation, query, response):
        if response.status_code != 200:  # 0: no answer at all (refused, reset, timed out)
            raise GraphQLError(f"HTTP {response.status_code}: {(response.text or str(response.error or ''))[:200]}")
        try:
            result = response.json()
        except ValueError:
            raise GraphQLError(f"not JSON: {(response.text or '')[:200]}") from None
        if result.get("errors"):
            error = result["errors"][0]
            code = (error.get("extensions") or {}).get("code", "")
            raise GraphQLError(f"{code} {error.get('message', '')}".strip())
        data = result.get("data")
        if not data:
            raise GraphQLError("no data")
        if not query.startswith("mutation"):
            response.success()
            return data

        payload = next(iter(data.values()))
        if isinstance(payload, list):  # a mutation without a payload type (addFavourite): the list is the answer
            response.success()
            return payload
        errors = payload.get("userErrors") or []
        if not errors:
            response.success()
            return payload
        if all(e["code"] == "OUT_OF_STOCK" for e in errors):
            # Its own row, still a success: the shop answered correctly that the units are gone.
            response.request_meta["name"] = f"{operation} OUT_OF_STOCK"
            response.success()
            return payload
        raise GraphQLError(f"userErrors {errors[0]['code']}: {errors[0]['message']}")
