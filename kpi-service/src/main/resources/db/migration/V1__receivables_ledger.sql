-- Every amount that moves a receivable, dated by its business date, so AR can be asked as of any day.
CREATE TABLE ar_entry (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       text          NOT NULL,
    legal_entity   text          NOT NULL,
    customer_id    text          NOT NULL,
    invoice_number text          NOT NULL,
    currency       text          NOT NULL,
    kind           text          NOT NULL,
    amount         numeric(19,4) NOT NULL,
    business_date  date          NOT NULL,
    due_date       date,
    received_at    timestamptz   NOT NULL,
    CONSTRAINT ar_entry_once_per_event UNIQUE (event_id, invoice_number, kind)
);

CREATE INDEX ar_entry_scope ON ar_entry (legal_entity, customer_id, currency, business_date);
