-- The ceiling for a checkout on this machine: one PostgreSQL transaction making the writes the benchmark's checkout
-- makes (take one unit of one of 200 products, insert the order, empty the cart), committed with fsync, as pgbench
-- runs it.
\set product random(1, 200)
\set cart random(1, 20000)
BEGIN;
UPDATE bench_products SET stock = stock - 1, version = version + 1 WHERE id = :product;
INSERT INTO bench_orders (cart_id, payload) VALUES (:cart, '{"lines": 1, "status": "PENDING_PAYMENT"}');
UPDATE bench_carts SET payload = '{"lines": []}' WHERE id = :cart;
END;
