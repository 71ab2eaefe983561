-- Shared chassis tables, applied in every service's database before the service's own migrations.

CREATE TABLE outbox_event (
    id           uuid PRIMARY KEY,
    position     bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    topic        text        NOT NULL,
    record_key   text        NOT NULL,
    event_type   text        NOT NULL,
    source       text        NOT NULL,
    subject      text,
    occurred_at  timestamptz NOT NULL,
    payload      text        NOT NULL,
    sent_at      timestamptz
);

-- The relay's work queue: only unsent rows, in commit order.
CREATE INDEX outbox_event_unsent ON outbox_event (position) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_sent_at ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;

CREATE TABLE inbox_event (
    event_id     text PRIMARY KEY,
    event_type   text        NOT NULL,
    source       text        NOT NULL,
    topic        text        NOT NULL,
    processed_at timestamptz NOT NULL
);
