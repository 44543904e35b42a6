-- Grain state for one storage provider (one bounded context): the schema this runs in is the context's own.
--
-- Identity: Orleans passes the service id, the state name (as GrainTypeString), and the key split into
-- GrainIdN0/N1 (Guid and integer keys) or GrainIdExtensionString (string keys, and key extensions). The grain
-- type is not part of it, so each grain class stores under a state name of its own.
-- Versions are the ETag: an insert expects no row (GrainStateVersion null), an update expects the stored
-- version; anything else returns no row, which the provider reports as an inconsistent state.
-- Payload arrives as UTF-8 JSON bytes (our System.Text.Json serializer) and is kept as jsonb, so the state of
-- any grain can be read with plain SQL.

CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  varchar(64) PRIMARY KEY,
    querytext text        NOT NULL
);

CREATE TABLE grain_state (
    service_id   text        NOT NULL,
    state_name   text        NOT NULL,
    key_n0       bigint      NOT NULL,
    key_n1       bigint      NOT NULL,
    key_string   text        NOT NULL,  -- '' when the key has no string part
    payload      jsonb,                 -- null once cleared
    version      integer     NOT NULL,
    modified_on  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, state_name, key_n0, key_n1, key_string)
);

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $q$
SELECT convert_to(s.payload::text, 'UTF8') AS payloadbinary, s.version
FROM grain_state s
WHERE s.service_id = @ServiceId AND s.state_name = @GrainTypeString
  AND s.key_n0 = @GrainIdN0 AND s.key_n1 = @GrainIdN1
  AND s.key_string = coalesce(@GrainIdExtensionString, '')
$q$),
('WriteToStorageKey', $q$
WITH inserted AS (
    INSERT INTO grain_state (service_id, state_name, key_n0, key_n1, key_string, payload, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''),
           convert_from(@PayloadBinary, 'UTF8')::jsonb, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
), updated AS (
    UPDATE grain_state s
    SET payload = convert_from(@PayloadBinary, 'UTF8')::jsonb, version = s.version + 1, modified_on = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND s.service_id = @ServiceId AND s.state_name = @GrainTypeString
      AND s.key_n0 = @GrainIdN0 AND s.key_n1 = @GrainIdN1
      AND s.key_string = coalesce(@GrainIdExtensionString, '')
      AND s.version = @GrainStateVersion
    RETURNING s.version
)
SELECT version AS newgrainstateversion FROM inserted
UNION ALL
SELECT version FROM updated
$q$),
('ClearStorageKey', $q$
UPDATE grain_state s
SET payload = NULL, version = s.version + 1, modified_on = now()
WHERE s.service_id = @ServiceId AND s.state_name = @GrainTypeString
  AND s.key_n0 = @GrainIdN0 AND s.key_n1 = @GrainIdN1
  AND s.key_string = coalesce(@GrainIdExtensionString, '')
  AND s.version = @GrainStateVersion
RETURNING s.version
$q$),
('DeleteStorageKey', $q$
DELETE FROM grain_state s
WHERE s.service_id = @ServiceId AND s.state_name = @GrainTypeString
  AND s.key_n0 = @GrainIdN0 AND s.key_n1 = @GrainIdN1
  AND s.key_string = coalesce(@GrainIdExtensionString, '')
  AND s.version = @GrainStateVersion
RETURNING s.version + 1
$q$);
