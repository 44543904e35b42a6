-- The dequeue looked for a queue's visible messages through the primary key, in id order, and under load most of
-- a queue's rows are not visible: taken and not yet confirmed (Orleans' queue cache confirms a message only once every
-- consumer has passed it), or their dead versions. Each take read them all: 1.1-2.7 ms a call during the checkout
-- benchmark, a quarter of PostgreSQL's time. The take now reads two short runs, each from an index of its own:
--   - messages never taken (dequeued = 0), which are visible from their insert, oldest first;
--   - messages taken before whose visibility timeout has passed (a silo died holding them, or released them when it
--     stopped), those whose timeout passed first first: in visible_on's order, so that the scan follows its index.
-- The batch is the oldest of both, in id order, as the one scan took them.
CREATE INDEX stream_messages_fresh ON stream_messages (service_id, provider_id, queue_id, message_id) WHERE dequeued = 0;
CREATE INDEX stream_messages_taken ON stream_messages (service_id, provider_id, queue_id, visible_on) WHERE dequeued > 0;

CREATE OR REPLACE FUNCTION take_stream_messages(
    p_service text, p_provider text, p_queue text, p_max_count integer, p_max_attempts integer,
    p_visibility_timeout integer, p_removal_timeout integer, p_eviction_interval integer, p_eviction_batch integer)
RETURNS TABLE (serviceid text, providerid text, queueid text, messageid bigint, dequeued integer,
               visibleon timestamptz, expireson timestamptz, createdon timestamptz, modifiedon timestamptz, payload bytea)
LANGUAGE plpgsql AS $f$
#variable_conflict use_column
BEGIN
    -- Evict on the way, at most once per interval per queue.
    INSERT INTO stream_evictions AS e (service_id, provider_id, queue_id, evicted_on)
    VALUES (p_service, p_provider, p_queue, now())
    ON CONFLICT (service_id, provider_id, queue_id) DO UPDATE SET evicted_on = now()
        WHERE e.evicted_on <= now() - make_interval(secs => p_eviction_interval);
    IF FOUND THEN
        PERFORM evict_stream_messages(p_service, p_provider, p_queue, p_eviction_batch, p_max_attempts, p_removal_timeout);
        PERFORM evict_stream_dead_letters(p_service, p_provider, p_queue, p_eviction_batch);
    END IF;

    RETURN QUERY
    WITH again AS (
        SELECT m.message_id FROM stream_messages m
        WHERE m.service_id = p_service AND m.provider_id = p_provider AND m.queue_id = p_queue
          AND m.dequeued > 0 AND m.visible_on <= now() AND m.expires_on > now() AND m.dequeued < p_max_attempts
        ORDER BY m.visible_on
        LIMIT p_max_count
        FOR UPDATE SKIP LOCKED
    ), fresh AS (
        SELECT m.message_id FROM stream_messages m
        WHERE m.service_id = p_service AND m.provider_id = p_provider AND m.queue_id = p_queue
          AND m.dequeued = 0 AND m.visible_on <= now() AND m.expires_on > now()
        ORDER BY m.message_id
        LIMIT p_max_count
        FOR UPDATE SKIP LOCKED
    ), taken AS (
        SELECT message_id FROM (SELECT message_id FROM again UNION ALL SELECT message_id FROM fresh) AS both_runs
        ORDER BY message_id
        LIMIT p_max_count
    )
    UPDATE stream_messages m
    SET dequeued = m.dequeued + 1, visible_on = now() + make_interval(secs => p_visibility_timeout), modified_on = now()
    FROM taken
    WHERE m.service_id = p_service AND m.provider_id = p_provider AND m.queue_id = p_queue AND m.message_id = taken.message_id
    RETURNING m.service_id, m.provider_id, m.queue_id, m.message_id, m.dequeued, m.visible_on, m.expires_on, m.created_on, m.modified_on, m.payload;
END;
$f$;
