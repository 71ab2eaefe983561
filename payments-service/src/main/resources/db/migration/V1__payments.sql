-- Verified webhooks, stored before the provider gets its 2xx; a worker processes them from here.
CREATE TABLE webhook_delivery (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider                text        NOT NULL,
    event_id                text        NOT NULL,
    event_type              text        NOT NULL,
    body                    text        NOT NULL,
    item_index              integer     NOT NULL,
    received_at             timestamptz NOT NULL,
    status                  text        NOT NULL,
    outcome                 text,
    attempts                integer     NOT NULL,
    next_attempt_at         timestamptz NOT NULL,
    processed_at            timestamptz,
    awaited_transaction     text,
    CONSTRAINT webhook_delivery_once_per_event UNIQUE (provider, event_id)
);

-- The worker's queue: only deliveries still to process.
CREATE INDEX webhook_delivery_pending ON webhook_delivery (next_attempt_at, id) WHERE status = 'RECEIVED';
CREATE INDEX webhook_delivery_awaiting ON webhook_delivery (awaited_transaction) WHERE status = 'AWAITING_PAYMENT';

-- The local copy of invoices, built from invoicing events, that payments are matched against.
CREATE TABLE open_invoice (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity       text          NOT NULL,
    invoice_number     text          NOT NULL,
    match_key          text          NOT NULL,
    customer_id        text          NOT NULL,
    currency           text          NOT NULL,
    amount             numeric(19,4) NOT NULL,
    open_amount        numeric(19,4) NOT NULL,
    issue_date         date          NOT NULL,
    due_date           date          NOT NULL,
    discount_date      date,
    discounted_amount  numeric(19,4),
    cancelled          boolean       NOT NULL,
    received_at        timestamptz   NOT NULL,
    CONSTRAINT open_invoice_number_unique_per_entity UNIQUE (legal_entity, invoice_number)
);

CREATE INDEX open_invoice_customer ON open_invoice (legal_entity, customer_id, match_key);

-- Cancellations that may arrive before the invoice they cancel.
CREATE TABLE invoice_cancellation (
    legal_entity       text NOT NULL,
    invoice_number     text NOT NULL,
    cancellation_date  date NOT NULL,
    PRIMARY KEY (legal_entity, invoice_number)
);

-- Credit notes, kept so that one arriving before its invoice still lowers it.
CREATE TABLE credit_note (
    legal_entity        text          NOT NULL,
    credit_note_number  text          NOT NULL,
    customer_id         text          NOT NULL,
    invoice_number      text,
    currency            text          NOT NULL,
    amount              numeric(19,4) NOT NULL,
    issue_date          date          NOT NULL,
    applied             boolean       NOT NULL,
    PRIMARY KEY (legal_entity, credit_note_number)
);

CREATE TABLE payment (
    id                      uuid PRIMARY KEY,
    legal_entity            text          NOT NULL,
    customer_id             text          NOT NULL,
    currency                text          NOT NULL,
    amount                  numeric(19,4) NOT NULL,
    unapplied_amount        numeric(19,4) NOT NULL,
    reversed_amount         numeric(19,4) NOT NULL,
    value_date              date          NOT NULL,
    method                  text          NOT NULL,
    source                  text          NOT NULL,
    gateway_transaction_id  text          NOT NULL,
    remittance_references   text          NOT NULL,
    received_at             timestamptz   NOT NULL,
    -- The same money is recorded once, whatever event id or channel brought it.
    CONSTRAINT payment_once_per_transaction UNIQUE (legal_entity, gateway_transaction_id)
);

CREATE INDEX payment_by_transaction ON payment (source, gateway_transaction_id);
CREATE INDEX payment_unapplied ON payment (legal_entity, customer_id) WHERE unapplied_amount > 0;

-- Append-only ledger of cash application: reversals are negative rows, never updates.
CREATE TABLE allocation (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payment_id      uuid          NOT NULL REFERENCES payment (id),
    legal_entity    text          NOT NULL,
    customer_id     text          NOT NULL,
    invoice_number  text          NOT NULL,
    currency        text          NOT NULL,
    amount          numeric(19,4) NOT NULL,
    discount        numeric(19,4) NOT NULL,
    write_off       numeric(19,4) NOT NULL,
    value_date      date          NOT NULL,
    kind            text          NOT NULL,
    recorded_at     timestamptz   NOT NULL
);

CREATE INDEX allocation_payment ON allocation (payment_id);
CREATE INDEX allocation_invoice ON allocation (legal_entity, invoice_number);

CREATE TABLE payment_reversal (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payment_id      uuid          NOT NULL REFERENCES payment (id),
    reference       text          NOT NULL,
    reason          text          NOT NULL,
    amount          numeric(19,4) NOT NULL,
    reversal_date   date          NOT NULL,
    recorded_at     timestamptz   NOT NULL,
    CONSTRAINT payment_reversal_once UNIQUE (payment_id, reference)
);
