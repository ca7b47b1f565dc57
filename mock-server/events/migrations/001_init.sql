-- The center's work: city events with their timelines, alerts, rules (every version), the audit
-- log, and the running numbers of event ids per hub day. Times are epoch milliseconds (bigint),
-- the unit of the hub contract.

CREATE TABLE events (
  id            text PRIMARY KEY,
  category      text NOT NULL,
  level         text NOT NULL CHECK (level IN ('blue', 'yellow', 'orange', 'red')),
  status        text NOT NULL CHECK (status IN ('reported', 'accepted', 'refused', 'dispatched', 'in-progress', 'handled', 'verified', 'closed')),
  is_open       boolean GENERATED ALWAYS AS (status NOT IN ('refused', 'closed')) STORED,
  source        text NOT NULL CHECK (source IN ('grid', 'hotline', 'sensor', 'rule', 'operator')),
  -- The source system's own id: the same report posted twice is one event.
  external_id   text,
  reporter      text,
  title         text NOT NULL,
  description   text NOT NULL DEFAULT '',
  district      text NOT NULL,
  lon           double precision NOT NULL,
  lat           double precision NOT NULL,
  address       text,
  reported_at   bigint NOT NULL,
  accept_by     bigint NOT NULL,
  accepted_at   bigint,
  department    text,
  dispatched_at bigint,
  deadline      bigint,
  handled_at    bigint,
  verified_at   bigint,
  closed_at     bigint,
  overdue       boolean NOT NULL DEFAULT false,
  escalated     boolean NOT NULL DEFAULT false,
  alert_id      text,
  updated_at    bigint NOT NULL,
  version       integer NOT NULL CHECK (version >= 1),
  -- n of the last timeline step (transitions are numbered 1..steps without gaps).
  steps         integer NOT NULL CHECK (steps >= 1),
  CONSTRAINT events_source_external_id UNIQUE (source, external_id)
);
CREATE INDEX events_open_idx ON events (updated_at) WHERE is_open;
CREATE INDEX events_status_idx ON events (status, updated_at);
CREATE INDEX events_category_idx ON events (category, updated_at);
CREATE INDEX events_district_idx ON events (district, updated_at);
CREATE INDEX events_updated_at_idx ON events (updated_at);
CREATE INDEX events_reported_at_idx ON events (reported_at);
CREATE INDEX events_closed_at_idx ON events (closed_at) WHERE closed_at IS NOT NULL;
-- What the sweeper looks for: reports not accepted in time, handling past its deadline.
CREATE INDEX events_accept_due_idx ON events (accept_by) WHERE status = 'reported' AND NOT escalated;
CREATE INDEX events_deadline_due_idx ON events (deadline) WHERE deadline IS NOT NULL AND NOT overdue AND status IN ('reported', 'accepted', 'dispatched', 'in-progress');

CREATE TABLE transitions (
  event_id    text NOT NULL REFERENCES events (id),
  n           integer NOT NULL CHECK (n >= 1),
  action      text NOT NULL,
  from_status text,
  to_status   text NOT NULL,
  at          bigint NOT NULL,
  actor_id    text NOT NULL,
  actor_role  text NOT NULL,
  note        text,
  department  text,
  level       text,
  PRIMARY KEY (event_id, n)
);

-- Event ids are EV-<hub day>-<running number of that day>.
CREATE TABLE event_days (
  day  text PRIMARY KEY,
  last integer NOT NULL
);

CREATE SEQUENCE alert_numbers;
CREATE TABLE alerts (
  id              text PRIMARY KEY DEFAULT 'AL-' || nextval('alert_numbers')::text,
  rule_id         text NOT NULL,
  rule_version    integer NOT NULL,
  metric          text NOT NULL,
  place_id        text NOT NULL,
  place           jsonb NOT NULL,
  level           text NOT NULL CHECK (level IN ('blue', 'yellow', 'orange', 'red')),
  value           double precision NOT NULL,
  threshold       double precision NOT NULL,
  status          text NOT NULL CHECK (status IN ('active', 'cleared')),
  opened_at       bigint NOT NULL,
  updated_at      bigint NOT NULL,
  cleared_at      bigint,
  acknowledged_by text,
  acknowledged_at bigint,
  event_id        text,
  version         integer NOT NULL CHECK (version >= 1)
);
-- At most one active alert per rule and place, whatever the number of hub processes.
CREATE UNIQUE INDEX alerts_one_active_idx ON alerts (rule_id, place_id) WHERE status = 'active';
CREATE INDEX alerts_cleared_at_idx ON alerts (cleared_at) WHERE cleared_at IS NOT NULL;
CREATE INDEX alerts_updated_at_idx ON alerts (updated_at);

-- Every version of every rule; the current one is the highest.
CREATE TABLE rule_versions (
  id       text NOT NULL,
  version  integer NOT NULL CHECK (version >= 1),
  body     jsonb NOT NULL,
  saved_at bigint NOT NULL,
  -- Order of arrival: rules are listed in the order they first came.
  seq      bigserial NOT NULL,
  PRIMARY KEY (id, version)
);

CREATE TABLE audit (
  id         bigserial PRIMARY KEY,
  at         bigint NOT NULL,
  actor_id   text NOT NULL,
  actor_role text NOT NULL,
  session    text,
  action     text NOT NULL,
  target     text NOT NULL,
  detail     text NOT NULL
);
CREATE INDEX audit_at_idx ON audit (at);
CREATE INDEX audit_target_idx ON audit (target);
