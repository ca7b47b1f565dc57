-- The control plane's durable part: enrolled displays (a hash of each device credential, never the
-- credential) and revoked tokens (kept until the token would have expired anyway). Walls named in
-- an enrolment outlive a restart through this table too.

CREATE TABLE devices (
  id             text PRIMARY KEY,
  wall           text NOT NULL,
  display        text NOT NULL,
  grid           jsonb,
  secret_hash    text NOT NULL,
  enrolled_at    bigint NOT NULL,
  enrolled_by    text NOT NULL,
  last_seen_at   bigint,
  last_address   text,
  replacements   integer NOT NULL DEFAULT 0,
  replaced_at    bigint,
  revoked_at     bigint
);
-- One enrolled device per slot: approving another into it revokes the one before.
CREATE UNIQUE INDEX devices_slot ON devices (wall, display) WHERE revoked_at IS NULL;

CREATE TABLE revoked_tokens (
  jti         text PRIMARY KEY,
  expires_at  bigint NOT NULL
);
CREATE INDEX revoked_tokens_expiry ON revoked_tokens (expires_at);
