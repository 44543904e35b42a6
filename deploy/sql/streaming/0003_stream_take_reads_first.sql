-- Each pulling agent polls its queue ten times a second, and most polls find nothing. Yet every poll was a write
-- transaction: the eviction check was an upsert whose conflict branch locks the queue's row in stream_evictions
-- even when its WHERE leaves the row as it is, so each poll took a transaction id and ended in a commit record and
-- a WAL flush (40 of them a second per silo with no traffic at all). The take now reads that row first and
-- upserts only when an eviction is due; the upsert keeps its WHERE, so two takers of one queue (a queue moving
-- between silos) still evict once per interval. A poll that finds nothing now writes nothing.
CREATE OR REPLACE FUNCTION take_stream_messages(
    p_service text, p_provider text, p_queue text, p_max_count integer, p_max_attempts integer,
    p_visibility_timeout integer, p_removal_timeout integer, p_eviction_interval integer, p_eviction_batch integer)
RETURNS TABLE (serviceid text, providerid text, queueid text, messageid bigint, dequeued integer,
               visibleon timestamptz, expireson timestamptz, createdon timestamptz, modifiedon timestamptz, payload bytea)
LANGUAGE plpgsql AS $f$
#variable_conflict use_column
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM stream_evictions e
        WHERE e.service_id = p_service AND e.provider_id = p_provider AND e.queue_id = p_queue
          AND e.evicted_on > now() - make_interval(secs => p_eviction_interval)) THEN
        INSERT INTO stream_evictions AS e (service_id, provider_id, queue_id, evicted_on)
        VALUES (p_service, p_provider, p_queue, now())
        ON CONFLICT (service_id, provider_id, queue_id) DO UPDATE SET evicted_on = now()
            WHERE e.evicted_on <= now() - make_interval(secs => p_eviction_interval);
        IF FOUND THEN
            PERFORM evict_stream_messages(p_service, p_provider, p_queue, p_eviction_batch, p_max_attempts, p_removal_timeout);
            PERFORM evict_stream_dead_letters(p_service, p_provider, p_queue, p_eviction_batch);
        END IF;
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
