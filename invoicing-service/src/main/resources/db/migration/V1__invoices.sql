CREATE TABLE invoice (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_entity   text          NOT NULL,
    invoice_number text          NOT NULL,
    customer_id    text          NOT NULL,
    currency       text          NOT NULL,
    amount         numeric(19,4) NOT NULL,
    issue_date     date          NOT NULL,
    due_date       date          NOT NULL,
    created_at     timestamptz   NOT NULL,
    CONSTRAINT invoice_number_unique_per_entity UNIQUE (legal_entity, invoice_number)
);

CREATE INDEX invoice_customer ON invoice (legal_entity, customer_id);
