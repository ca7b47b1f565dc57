-- The scene designer's store (mock-server/scenes/): every saved version of every scene, which one
-- is the head (the draft designers work on) and which one walls show. Versions are whole scene
-- files in the current format, so any of them can be published again (a rollback).

CREATE TABLE scenes (
  id         text PRIMARY KEY,
  head       integer NOT NULL CHECK (head >= 1),
  -- NULL: never published (walls do not see it).
  published  integer CHECK (published >= 1),
  created_at bigint NOT NULL,
  -- Order of arrival: GET /scenes lists scenes in it, and a wall without a scene shows the first.
  seq        bigserial NOT NULL
);

CREATE TABLE scene_versions (
  scene_id text NOT NULL REFERENCES scenes (id) ON DELETE CASCADE,
  version  integer NOT NULL CHECK (version >= 1),
  body     jsonb NOT NULL,
  author   text NOT NULL,
  message  text NOT NULL DEFAULT '',
  saved_at bigint NOT NULL,
  CONSTRAINT scene_versions_unique UNIQUE (scene_id, version)
);

-- The scene files seed the store once, on the first start; a row here says it happened (even when
-- every file was refused, or the designers deleted every scene since), so a restart never re-seeds.
CREATE TABLE scene_seeding (
  done      boolean PRIMARY KEY DEFAULT true CHECK (done),
  seeded_at bigint NOT NULL,
  files     integer NOT NULL
);
