-- Transactional state (ITransactionalState grains: products, carts, customers, orders, shipments, gift cards) in a
-- table of its own, written by EShop.Silo.Persistence.PostgresTransactionalStore instead of the ADO.NET grain-storage
-- bridge. One row per grain and state: the committed state, the sequence number it was committed at, the
-- transaction protocol's metadata (commit records) and the prepared, not yet committed, records in sequence order.
--
-- A write is one row of an INSERT … ON CONFLICT DO UPDATE that carries many grains' rows at once (group commit):
-- etag is the version the row will have, and the update applies only where the stored etag is one less, so a writer
-- holding an old version changes nothing and is told so. A first write proposes etag 1 and is refused where a row
-- exists (etags start at 1). Rows are never deleted.
--
-- committed_state, metadata and each record of pending are JSON envelopes {"type": ..., "state": ...} like grain_state's
-- payload, readable with plain SQL:
--   select grain_id, committed_sequence_id, committed_state->'state', jsonb_array_length(pending->'state')
--   from catalog.transactional_state;

CREATE TABLE transactional_state (
    grain_id               text        NOT NULL,  -- e.g. eshop.catalog.product/<id>
    state_name             text        NOT NULL,
    etag                   bigint      NOT NULL,
    committed_sequence_id  bigint      NOT NULL,
    committed_state        jsonb       NOT NULL,
    metadata               jsonb       NOT NULL,
    pending                jsonb       NOT NULL,
    modified_on            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_id, state_name)
);
