-- Local copy of invoices from invoicing events. A row may exist before its InvoiceIssued
-- (a cancellation seen first); issued says whether the invoice itself has arrived.
CREATE TABLE receivable (
    id             bigserial PRIMARY KEY,
    legal_entity   text    NOT NULL,
    invoice_number text    NOT NULL,
    customer_id    text    NOT NULL,
    currency       text,
    amount         numeric(19,4),
    issue_date     date,
    due_date       date,
    issued         boolean NOT NULL DEFAULT false,
    cancelled_on   date,
    UNIQUE (legal_entity, invoice_number)
);
CREATE INDEX receivable_customer ON receivable (legal_entity, customer_id);

-- What reduced (or, reversed, increased again) an invoice's open amount; kept by invoice
-- number because a payment or credit note may arrive before its invoice.
CREATE TABLE receivable_adjustment (
    id             bigserial PRIMARY KEY,
    event_id       text          NOT NULL,
    legal_entity   text          NOT NULL,
    invoice_number text          NOT NULL,
    kind           text          NOT NULL,
    document       text          NOT NULL,
    amount         numeric(19,4) NOT NULL,
    value_date     date
);
CREATE INDEX receivable_adjustment_invoice ON receivable_adjustment (legal_entity, invoice_number);

-- Money received from a customer, applied or not: what keeps a promise to pay.
CREATE TABLE payment_receipt (
    id           bigserial PRIMARY KEY,
    event_id     text          NOT NULL,
    legal_entity text          NOT NULL,
    customer_id  text          NOT NULL,
    payment_id   text          NOT NULL,
    currency     text          NOT NULL,
    amount       numeric(19,4) NOT NULL,
    value_date   date,
    recorded_at  timestamptz   NOT NULL
);
CREATE INDEX payment_receipt_customer ON payment_receipt (legal_entity, customer_id);

CREATE TABLE customer_contact (
    id           bigserial PRIMARY KEY,
    legal_entity text NOT NULL,
    customer_id  text NOT NULL,
    email        text NOT NULL,
    language     text NOT NULL,
    segment      text,
    name         text,
    UNIQUE (legal_entity, customer_id)
);

CREATE TABLE customer_risk (
    id           bigserial PRIMARY KEY,
    legal_entity text        NOT NULL,
    customer_id  text        NOT NULL,
    risk_class   text,
    hold         boolean     NOT NULL DEFAULT false,
    changed_at   timestamptz,
    UNIQUE (legal_entity, customer_id)
);

-- A policy per legal entity and optional segment ('' = every segment); levels as JSON.
CREATE TABLE dunning_policy (
    id           bigserial PRIMARY KEY,
    legal_entity text        NOT NULL,
    segment      text        NOT NULL DEFAULT '',
    definition   text        NOT NULL,
    updated_at   timestamptz NOT NULL,
    UNIQUE (legal_entity, segment)
);

CREATE TABLE dunning_message (
    id           uuid PRIMARY KEY,
    legal_entity text        NOT NULL,
    customer_id  text        NOT NULL,
    level        integer     NOT NULL,
    channel      text        NOT NULL,
    actions      text        NOT NULL,
    as_of        date        NOT NULL,
    language     text,
    recipient    text,
    subject      text,
    body         text,
    delivery     text        NOT NULL,
    created_at   timestamptz NOT NULL,
    delivered_at timestamptz
);
CREATE INDEX dunning_message_customer ON dunning_message (legal_entity, customer_id);

-- The unique key is what makes a run idempotent: an invoice is dunned at most once per level.
CREATE TABLE dunning_message_item (
    id             bigserial PRIMARY KEY,
    message_id     uuid          NOT NULL REFERENCES dunning_message (id),
    legal_entity   text          NOT NULL,
    customer_id    text          NOT NULL,
    level          integer       NOT NULL,
    invoice_number text          NOT NULL,
    currency       text          NOT NULL,
    open_amount    numeric(19,4) NOT NULL,
    days_past_due  integer       NOT NULL,
    due_date       date          NOT NULL,
    as_of          date          NOT NULL,
    UNIQUE (legal_entity, customer_id, level, invoice_number)
);

CREATE TABLE dispute (
    id              uuid PRIMARY KEY,
    legal_entity    text          NOT NULL,
    customer_id     text          NOT NULL,
    invoice_number  text          NOT NULL,
    currency        text          NOT NULL,
    amount          numeric(19,4) NOT NULL,
    reason          text          NOT NULL,
    status          text          NOT NULL,
    assignee        text,
    opened_on       date          NOT NULL,
    resolution      text,
    resolution_note text,
    resolved_on     date
);
CREATE INDEX dispute_customer ON dispute (legal_entity, customer_id);
-- One open dispute per invoice at a time.
CREATE UNIQUE INDEX dispute_open_invoice ON dispute (legal_entity, invoice_number) WHERE status = 'OPEN';

CREATE TABLE dispute_comment (
    id         bigserial PRIMARY KEY,
    dispute_id uuid        NOT NULL REFERENCES dispute (id),
    author     text        NOT NULL,
    text       text        NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE promise_to_pay (
    id            uuid PRIMARY KEY,
    legal_entity  text          NOT NULL,
    customer_id   text          NOT NULL,
    amount        numeric(19,4) NOT NULL,
    currency      text          NOT NULL,
    promised_date date          NOT NULL,
    status        text          NOT NULL,
    recorded_at   timestamptz   NOT NULL,
    closed_on     date,
    escalated     boolean       NOT NULL DEFAULT false
);
CREATE INDEX promise_to_pay_customer ON promise_to_pay (legal_entity, customer_id);

CREATE TABLE activity (
    id           bigserial PRIMARY KEY,
    legal_entity text        NOT NULL,
    customer_id  text        NOT NULL,
    kind         text        NOT NULL,
    note         text        NOT NULL,
    author       text        NOT NULL,
    occurred_at  timestamptz NOT NULL
);
CREATE INDEX activity_customer ON activity (legal_entity, customer_id);
