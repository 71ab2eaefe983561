-- A rebuild is leased: its owner renews rebuild_heartbeat while it replays and clears it when it
-- stops. A rebuild without a heartbeat, or whose heartbeat is older than the lease (its owner died),
-- is stalled: any instance takes it over into a fresh generation, so a restart never leaves the
-- projections stuck half-rebuilt. A rebuild left by an earlier version has no heartbeat: stalled.
ALTER TABLE projection_state ADD COLUMN rebuild_owner text;
ALTER TABLE projection_state ADD COLUMN rebuild_heartbeat timestamptz;
ALTER TABLE projection_state ADD COLUMN rebuild_events_replayed bigint NOT NULL DEFAULT 0;
ALTER TABLE projection_state ADD COLUMN rebuild_takeovers int NOT NULL DEFAULT 0;
