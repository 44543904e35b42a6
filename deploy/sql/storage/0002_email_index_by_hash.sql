-- The e-mail index (state 'email', customers schema) is keyed by the SHA-256 of the normalized address in upper-case
-- hex (EmailAddress.IndexKey), no longer by the address: a grain id travels in spans, in Orleans' logs and on the
-- dashboard, and an address is personal data. Rows an earlier silo wrote under the address move to its hash; the
-- address was stored normalized (trimmed, lower-case), so hashing key_string as it is gives the key the silo asks for.
-- A hash holds no '@': the condition leaves rows already moved alone. Other schemas have no 'email' rows.
UPDATE grain_state
SET key_string = upper(encode(sha256(convert_to(key_string, 'UTF8')), 'hex'))
WHERE state_name = 'email' AND key_string LIKE '%@%';
