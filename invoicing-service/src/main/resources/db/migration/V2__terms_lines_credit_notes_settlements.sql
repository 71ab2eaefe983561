-- Payment terms: a catalogue per legal entity; rows of legal entity '*' apply to every entity
-- that does not define the same code itself.
CREATE TABLE payment_terms (
    legal_entity     text    NOT NULL,
    code             text    NOT NULL,
    type             text    NOT NULL,
    net_days         integer NOT NULL,
    discount_percent numeric(7,4),
    discount_days    integer,
    description      text    NOT NULL,
    PRIMARY KEY (legal_entity, code)
);

INSERT INTO payment_terms (legal_entity, code, type, net_days, discount_percent, discount_days, description) VALUES
    ('*', 'NET30', 'NET', 30, NULL, NULL, 'Net 30 days'),
    ('*', 'NET60', 'NET', 60, NULL, NULL, 'Net 60 days'),
    ('*', 'NET90', 'NET', 90, NULL, NULL, 'Net 90 days'),
    ('*', '2/10NET30', 'DISCOUNT', 30, 2, 10, '2% discount within 10 days, net 30 days'),
    ('*', 'EOM30', 'END_OF_MONTH', 30, NULL, NULL, 'End of month plus 30 days'),
    ('*', 'DUE_ON_RECEIPT', 'DUE_ON_RECEIPT', 0, NULL, NULL, 'Due on receipt');

CREATE TABLE customer (
    legal_entity       text NOT NULL,
    customer_id        text NOT NULL,
    name               text,
    country            text,
    default_terms_code text,
    PRIMARY KEY (legal_entity, customer_id)
);

ALTER TABLE invoice RENAME COLUMN amount TO gross_amount;
ALTER TABLE invoice
    ADD COLUMN net_amount          numeric(19,4),
    ADD COLUMN tax_amount          numeric(19,4),
    ADD COLUMN customer_name       text,
    ADD COLUMN customer_country    text,
    ADD COLUMN terms_code          text,
    ADD COLUMN terms_type          text,
    ADD COLUMN net_days            integer,
    ADD COLUMN discount_percent    numeric(7,4),
    ADD COLUMN discount_days       integer,
    ADD COLUMN discount_date       date,
    ADD COLUMN discounted_amount   numeric(19,4),
    ADD COLUMN purchase_order      text,
    ADD COLUMN sales_order         text,
    ADD COLUMN delivery_note       text,
    ADD COLUMN credited_amount     numeric(19,4) NOT NULL DEFAULT 0,
    ADD COLUMN settled_amount      numeric(19,4) NOT NULL DEFAULT 0,
    ADD COLUMN open_amount         numeric(19,4),
    ADD COLUMN status              text NOT NULL DEFAULT 'OPEN',
    ADD COLUMN cancellation_date   date,
    ADD COLUMN cancellation_reason text,
    ADD COLUMN idempotency_key     text;
UPDATE invoice SET net_amount = gross_amount, tax_amount = 0, open_amount = gross_amount;
ALTER TABLE invoice
    ALTER COLUMN net_amount SET NOT NULL,
    ALTER COLUMN tax_amount SET NOT NULL,
    ALTER COLUMN open_amount SET NOT NULL;
CREATE UNIQUE INDEX invoice_idempotency_key ON invoice (idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX invoice_listing ON invoice (legal_entity, customer_id, status, id);

CREATE TABLE invoice_line (
    invoice_id  bigint        NOT NULL REFERENCES invoice (id),
    line_number integer       NOT NULL,
    description text          NOT NULL,
    quantity    numeric(19,6) NOT NULL,
    unit        text          NOT NULL,
    unit_price  numeric(19,6) NOT NULL,
    tax_rate    numeric(7,4)  NOT NULL,
    net_amount  numeric(19,4) NOT NULL,
    tax_amount  numeric(19,4) NOT NULL,
    PRIMARY KEY (invoice_id, line_number)
);

CREATE TABLE credit_note (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity       text          NOT NULL,
    credit_note_number text          NOT NULL,
    customer_id        text          NOT NULL,
    currency           text          NOT NULL,
    amount             numeric(19,4) NOT NULL,
    issue_date         date          NOT NULL,
    invoice_number     text,
    reason             text          NOT NULL,
    created_at         timestamptz   NOT NULL,
    CONSTRAINT credit_note_number_unique_per_entity UNIQUE (legal_entity, credit_note_number)
);

-- Cash that settled (or, negative, unsettled) an invoice, from payments-service events. Kept by
-- invoice number, not by foreign key: a payment may be known before its invoice arrives.
CREATE TABLE settlement (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       text          NOT NULL,
    legal_entity   text          NOT NULL,
    invoice_number text          NOT NULL,
    payment_id     text          NOT NULL,
    amount         numeric(19,4) NOT NULL,
    value_date     date          NOT NULL,
    CONSTRAINT settlement_once_per_event UNIQUE (event_id, invoice_number)
);
CREATE INDEX settlement_invoice ON settlement (legal_entity, invoice_number);
