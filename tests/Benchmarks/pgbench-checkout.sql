-- The ceiling for a checkout on this machine: one PostgreSQL transaction making the writes a checkout makes
-- (two product rows, a new order row, the cart row), committed with fsync, as pgbench runs it.
-- Rows are locked in id order, as checkout locks products in SKU order, so transactions queue instead of deadlocking.
\set a random(1, 20)
\set b random(1, 20)
\set p1 least(:a, :b)
\set p2 greatest(:a, :b)
\set cart random(1, 20000)
BEGIN;
UPDATE bench_products SET stock = stock - 1, version = version + 1 WHERE id = :p1;
UPDATE bench_products SET stock = stock - 2, version = version + 1 WHERE id = :p2;
INSERT INTO bench_orders (cart_id, payload) VALUES (:cart, '{"lines": 2, "status": "PENDING_PAYMENT"}');
UPDATE bench_carts SET payload = '{"lines": []}' WHERE id = :cart;
END;
