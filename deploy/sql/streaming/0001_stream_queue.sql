-- The persistent queue behind the "events" stream provider: producers append messages; each silo's pulling agent
-- takes a batch of visible ones, which become invisible for the visibility timeout and count one more attempt;
-- a delivered message is confirmed (deleted) by the attempt that took it. A message whose silo died before
-- confirming becomes visible again and is delivered once more: consumers deduplicate. Messages that keep
-- failing, or expire, move to dead letters, kept for the removal timeout for an operator to look at.
-- Timeouts arrive in whole seconds.

CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  varchar(64) PRIMARY KEY,
    querytext text        NOT NULL
);

CREATE TABLE stream_messages (
    service_id   text        NOT NULL,
    provider_id  text        NOT NULL,
    queue_id     text        NOT NULL,
    message_id   bigint      GENERATED ALWAYS AS IDENTITY,
    dequeued     integer     NOT NULL DEFAULT 0,
    visible_on   timestamptz NOT NULL,
    expires_on   timestamptz NOT NULL,
    created_on   timestamptz NOT NULL,
    modified_on  timestamptz NOT NULL,
    payload      bytea       NOT NULL,
    PRIMARY KEY (service_id, provider_id, queue_id, message_id)
);

CREATE TABLE stream_dead_letters (
    service_id   text        NOT NULL,
    provider_id  text        NOT NULL,
    queue_id     text        NOT NULL,
    message_id   bigint      NOT NULL,
    dequeued     integer     NOT NULL,
    expires_on   timestamptz NOT NULL,
    created_on   timestamptz NOT NULL,
    dead_on      timestamptz NOT NULL,
    remove_on    timestamptz NOT NULL,
    payload      bytea       NOT NULL,
    PRIMARY KEY (service_id, provider_id, queue_id, message_id)
);

-- When each queue last evicted, so the dequeue query evicts at most once per eviction interval.
CREATE TABLE stream_evictions (
    service_id    text        NOT NULL,
    provider_id   text        NOT NULL,
    queue_id      text        NOT NULL,
    evicted_on    timestamptz NOT NULL,
    PRIMARY KEY (service_id, provider_id, queue_id)
);

CREATE FUNCTION evict_stream_messages(p_service text, p_provider text, p_queue text, p_max_count integer, p_max_attempts integer, p_removal_timeout integer)
RETURNS void LANGUAGE sql AS $f$
    WITH doomed AS (
        DELETE FROM stream_messages m
        WHERE (m.service_id, m.provider_id, m.queue_id, m.message_id) IN (
            SELECT service_id, provider_id, queue_id, message_id FROM stream_messages
            WHERE service_id = p_service AND provider_id = p_provider AND queue_id = p_queue
              AND visible_on <= now() AND (dequeued >= p_max_attempts OR expires_on <= now())
            ORDER BY message_id
            LIMIT p_max_count
            FOR UPDATE SKIP LOCKED)
        RETURNING m.*
    )
    INSERT INTO stream_dead_letters (service_id, provider_id, queue_id, message_id, dequeued, expires_on, created_on, dead_on, remove_on, payload)
    SELECT service_id, provider_id, queue_id, message_id, dequeued, expires_on, created_on, now(), now() + make_interval(secs => p_removal_timeout), payload
    FROM doomed
    ON CONFLICT DO NOTHING;
$f$;

CREATE FUNCTION evict_stream_dead_letters(p_service text, p_provider text, p_queue text, p_max_count integer)
RETURNS void LANGUAGE sql AS $f$
    DELETE FROM stream_dead_letters d
    WHERE (d.service_id, d.provider_id, d.queue_id, d.message_id) IN (
        SELECT service_id, provider_id, queue_id, message_id FROM stream_dead_letters
        WHERE service_id = p_service AND provider_id = p_provider AND queue_id = p_queue AND remove_on <= now()
        ORDER BY message_id
        LIMIT p_max_count
        FOR UPDATE SKIP LOCKED);
$f$;

CREATE FUNCTION take_stream_messages(
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
    WITH taken AS (
        SELECT m.message_id FROM stream_messages m
        WHERE m.service_id = p_service AND m.provider_id = p_provider AND m.queue_id = p_queue
          AND m.visible_on <= now() AND m.expires_on > now() AND m.dequeued < p_max_attempts
        ORDER BY m.message_id
        LIMIT p_max_count
        FOR UPDATE SKIP LOCKED
    )
    UPDATE stream_messages m
    SET dequeued = m.dequeued + 1, visible_on = now() + make_interval(secs => p_visibility_timeout), modified_on = now()
    FROM taken
    WHERE m.service_id = p_service AND m.provider_id = p_provider AND m.queue_id = p_queue AND m.message_id = taken.message_id
    RETURNING m.service_id, m.provider_id, m.queue_id, m.message_id, m.dequeued, m.visible_on, m.expires_on, m.created_on, m.modified_on, m.payload;
END;
$f$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('QueueStreamMessageKey', $q$
INSERT INTO stream_messages (service_id, provider_id, queue_id, visible_on, expires_on, created_on, modified_on, payload)
VALUES (@ServiceId, @ProviderId, @QueueId, now(), now() + make_interval(secs => @ExpiryTimeout), now(), now(), @Payload)
RETURNING service_id AS serviceid, provider_id AS providerid, queue_id AS queueid, message_id AS messageid
$q$),
('GetStreamMessagesKey', $q$
SELECT * FROM take_stream_messages(@ServiceId, @ProviderId, @QueueId, @MaxCount, @MaxAttempts, @VisibilityTimeout, @RemovalTimeout, @EvictionInterval, @EvictionBatchSize)
$q$),
('ConfirmStreamMessagesKey', $q$
WITH receipts AS (
    SELECT split_part(item, ':', 1)::bigint AS message_id, split_part(item, ':', 2)::integer AS receipt
    FROM unnest(string_to_array(@Items, '|')) AS item
), confirmed AS (
    DELETE FROM stream_messages m USING receipts r
    WHERE m.service_id = @ServiceId AND m.provider_id = @ProviderId AND m.queue_id = @QueueId
      AND m.message_id = r.message_id AND r.receipt > 0 AND m.dequeued = r.receipt
    RETURNING m.service_id, m.provider_id, m.queue_id, m.message_id
), released AS (
    UPDATE stream_messages m SET visible_on = now(), modified_on = now()
    FROM receipts r
    WHERE m.service_id = @ServiceId AND m.provider_id = @ProviderId AND m.queue_id = @QueueId
      AND m.message_id = r.message_id AND r.receipt < 0 AND m.dequeued = -r.receipt
    RETURNING m.service_id, m.provider_id, m.queue_id, m.message_id
)
SELECT service_id AS serviceid, provider_id AS providerid, queue_id AS queueid, message_id AS messageid FROM confirmed
UNION ALL
SELECT service_id, provider_id, queue_id, message_id FROM released
$q$),
('FailStreamMessageKey', $q$
WITH retried AS (
    UPDATE stream_messages SET visible_on = now(), modified_on = now()
    WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
      AND message_id = @MessageId AND dequeued < @MaxAttempts
    RETURNING message_id
), dead AS (
    DELETE FROM stream_messages
    WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
      AND message_id = @MessageId AND dequeued >= @MaxAttempts
    RETURNING *
)
INSERT INTO stream_dead_letters (service_id, provider_id, queue_id, message_id, dequeued, expires_on, created_on, dead_on, remove_on, payload)
SELECT service_id, provider_id, queue_id, message_id, dequeued, expires_on, created_on, now(), now() + make_interval(secs => @RemovalTimeout), payload
FROM dead
ON CONFLICT DO NOTHING
$q$),
('EvictStreamMessagesKey', $q$
SELECT evict_stream_messages(@ServiceId, @ProviderId, @QueueId, @MaxCount, @MaxAttempts, @RemovalTimeout)
$q$),
('EvictStreamDeadLettersKey', $q$
SELECT evict_stream_dead_letters(@ServiceId, @ProviderId, @QueueId, @MaxCount)
$q$);
