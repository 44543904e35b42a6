-- The event log of event-sourced grains (the payment ledger): one row per event, appended, never updated. A grain's
-- state is the replay of its rows in version order. The primary key makes an append that races another writer fail
-- instead of interleaving: an activation appends at the version it last read, and a taken version rolls it back.
-- Payload is the event as JSON in an envelope {"type": <[Alias]>, "value": ...}, readable with plain SQL:
--   select version, payload->>'type', payload->'value' from ordering.event_log where owner like 'eshop.payments.payment/%';

CREATE TABLE event_log (
    owner        text        NOT NULL,  -- the grain id, e.g. eshop.payments.payment/<order id>
    version      integer     NOT NULL,  -- 1, 2, … in the order the events happened
    payload      jsonb       NOT NULL,
    recorded_on  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, version)
);
