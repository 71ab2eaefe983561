-- One row per customer and legal entity: the materialized exposure a credit check reads in
-- one indexed lookup, and the last assessment (score, class, holds).
CREATE TABLE credit_account (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity            text          NOT NULL,
    customer_id             text          NOT NULL,
    currency                text,
    credit_limit            numeric(19,4),
    open_ar                 numeric(19,4) NOT NULL DEFAULT 0,
    open_orders             numeric(19,4) NOT NULL DEFAULT 0,
    unapplied_cash          numeric(19,4) NOT NULL DEFAULT 0,
    exposure                numeric(19,4) NOT NULL DEFAULT 0,
    score                   integer       NOT NULL DEFAULT 50,
    risk_class              text          NOT NULL DEFAULT 'C',
    score_reasons           text,
    recommended_limit       numeric(19,4),
    collections_hold        boolean       NOT NULL DEFAULT false,
    collections_hold_reason text,
    manual_hold             boolean       NOT NULL DEFAULT false,
    manual_hold_reason      text,
    hold                    boolean       NOT NULL DEFAULT false,
    hold_reasons            text,
    hold_causes             text,
    next_review_date        date,
    next_evaluation_date    date,
    published_state         text,
    assessed_at             timestamptz,
    CONSTRAINT credit_account_unique UNIQUE (legal_entity, customer_id)
);
CREATE INDEX credit_account_next_evaluation ON credit_account (next_evaluation_date);

-- Invoices as invoicing-service announced them: due dates for past-due and payment days.
CREATE TABLE ar_invoice (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity    text          NOT NULL,
    invoice_number  text          NOT NULL,
    customer_id     text          NOT NULL,
    currency        text          NOT NULL,
    amount          numeric(19,4) NOT NULL,
    issue_date      date          NOT NULL,
    due_date        date          NOT NULL,
    order_reference text,
    cancelled       boolean       NOT NULL DEFAULT false,
    CONSTRAINT ar_invoice_unique UNIQUE (legal_entity, invoice_number)
);
CREATE INDEX ar_invoice_customer ON ar_invoice (legal_entity, customer_id);
CREATE INDEX ar_invoice_order ON ar_invoice (legal_entity, order_reference);

-- Signed movements of open AR, one per event and invoice: their sum is open AR whatever the
-- order in which the events arrived.
CREATE TABLE ar_entry (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       text          NOT NULL,
    legal_entity   text          NOT NULL,
    customer_id    text          NOT NULL,
    currency       text          NOT NULL,
    kind           text          NOT NULL,
    invoice_number text,
    payment_id     text,
    amount         numeric(19,4) NOT NULL,
    value_date     date
);
CREATE INDEX ar_entry_customer ON ar_entry (legal_entity, customer_id);
CREATE INDEX ar_entry_invoice ON ar_entry (legal_entity, invoice_number);

CREATE TABLE unapplied_payment (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity text          NOT NULL,
    payment_id   text          NOT NULL,
    customer_id  text          NOT NULL,
    currency     text          NOT NULL,
    unapplied    numeric(19,4) NOT NULL,
    CONSTRAINT unapplied_payment_unique UNIQUE (legal_entity, payment_id)
);
CREATE INDEX unapplied_payment_customer ON unapplied_payment (legal_entity, customer_id);

CREATE TABLE sales_order (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity text          NOT NULL,
    order_ref    text          NOT NULL,
    customer_id  text          NOT NULL,
    currency     text          NOT NULL,
    amount       numeric(19,4) NOT NULL,
    cancelled    boolean       NOT NULL DEFAULT false,
    updated_at   timestamptz   NOT NULL,
    CONSTRAINT sales_order_unique UNIQUE (legal_entity, order_ref)
);
CREATE INDEX sales_order_customer ON sales_order (legal_entity, customer_id);

CREATE TABLE dispute (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity text    NOT NULL,
    dispute_id   text    NOT NULL,
    customer_id  text    NOT NULL,
    resolved     boolean NOT NULL DEFAULT false,
    CONSTRAINT dispute_unique UNIQUE (legal_entity, dispute_id)
);

CREATE TABLE broken_promise (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity   text NOT NULL,
    promise_id     text NOT NULL,
    customer_id    text NOT NULL,
    promised_date  date NOT NULL,
    CONSTRAINT broken_promise_unique UNIQUE (legal_entity, promise_id)
);

CREATE TABLE financial_statement (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity        text          NOT NULL,
    customer_id         text          NOT NULL,
    statement_date      date          NOT NULL,
    currency            text          NOT NULL,
    current_assets      numeric(19,4) NOT NULL,
    current_liabilities numeric(19,4) NOT NULL,
    total_assets        numeric(19,4) NOT NULL,
    total_liabilities   numeric(19,4) NOT NULL,
    retained_earnings   numeric(19,4) NOT NULL,
    ebit                numeric(19,4) NOT NULL,
    book_equity         numeric(19,4) NOT NULL,
    sales               numeric(19,4) NOT NULL,
    submitted_by        text          NOT NULL,
    submitted_at        timestamptz   NOT NULL
);
CREATE INDEX financial_statement_customer ON financial_statement (legal_entity, customer_id, statement_date);

CREATE TABLE limit_request (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity text          NOT NULL,
    customer_id  text          NOT NULL,
    amount       numeric(19,4) NOT NULL,
    currency     text          NOT NULL,
    reason       text          NOT NULL,
    status       text          NOT NULL,
    requested_by text          NOT NULL,
    requested_at timestamptz   NOT NULL,
    approved_by  text,
    approved_at  timestamptz
);
CREATE INDEX limit_request_customer ON limit_request (legal_entity, customer_id);

-- Who changed what and why: limits, approvals, manual holds and releases.
CREATE TABLE credit_history (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity text        NOT NULL,
    customer_id  text        NOT NULL,
    change       text        NOT NULL,
    detail       text        NOT NULL,
    reason       text,
    changed_by   text        NOT NULL,
    changed_at   timestamptz NOT NULL
);
CREATE INDEX credit_history_customer ON credit_history (legal_entity, customer_id);
