-- KPI projections: every movement of a receivable by business date, daily pre-aggregates per scope,
-- and each invoice's open span, all per projection generation so a rebuild can run beside the live one.

CREATE TABLE projection_state (
    id                  smallint PRIMARY KEY CHECK (id = 1),
    active_generation   int         NOT NULL,
    building_generation int,
    rebuild_started_at  timestamptz,
    rebuild_finished_at timestamptz
);
INSERT INTO projection_state (id, active_generation) VALUES (1, 1);

-- Which events a generation has applied: live delivery and a rebuild's replay meet here.
CREATE TABLE projected_event (
    generation int  NOT NULL,
    event_id   text NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (generation, event_id)
);

-- ar_entry becomes the full movement ledger: AR change plus the measures reported beside AR.
ALTER TABLE ar_entry DROP CONSTRAINT ar_entry_once_per_event;
ALTER TABLE ar_entry ALTER COLUMN invoice_number DROP NOT NULL;
ALTER TABLE ar_entry RENAME COLUMN amount TO ar_change;
ALTER TABLE ar_entry ADD COLUMN generation int NOT NULL DEFAULT 1;
ALTER TABLE ar_entry ADD COLUMN line int NOT NULL DEFAULT 0;
ALTER TABLE ar_entry ADD COLUMN document text;
ALTER TABLE ar_entry ADD COLUMN sales_change numeric(19,4) NOT NULL DEFAULT 0;
ALTER TABLE ar_entry ADD COLUMN unapplied_cash_change numeric(19,4) NOT NULL DEFAULT 0;
ALTER TABLE ar_entry ADD COLUMN unallocated_credit_change numeric(19,4) NOT NULL DEFAULT 0;
UPDATE ar_entry SET sales_change = ar_change, document = invoice_number WHERE kind = 'INVOICE';
ALTER TABLE ar_entry ADD CONSTRAINT ar_entry_once_per_event_line UNIQUE (generation, event_id, line);
DROP INDEX ar_entry_scope;
CREATE INDEX ar_entry_scope ON ar_entry (generation, legal_entity, customer_id, currency, business_date);
CREATE INDEX ar_entry_invoice ON ar_entry (generation, legal_entity, invoice_number, business_date);
CREATE INDEX ar_entry_received ON ar_entry (generation, received_at);

INSERT INTO projected_event (generation, event_id, received_at)
SELECT 1, event_id, min(received_at) FROM ar_entry GROUP BY event_id;

-- Net daily change per scope level: company rows have entity and customer '*', entity rows customer '*'.
-- An as-of sum is a range scan over one scope's days: O(log n + days), independent of invoice count.
CREATE TABLE daily_balance (
    generation                int           NOT NULL,
    legal_entity              text          NOT NULL,
    customer_id               text          NOT NULL,
    currency                  text          NOT NULL,
    day                       date          NOT NULL,
    ar_change                 numeric(19,4) NOT NULL,
    sales_change              numeric(19,4) NOT NULL,
    unapplied_cash_change     numeric(19,4) NOT NULL,
    unallocated_credit_change numeric(19,4) NOT NULL,
    PRIMARY KEY (generation, legal_entity, customer_id, currency, day)
);
CREATE INDEX daily_balance_customer ON daily_balance (generation, customer_id, currency, day);

INSERT INTO daily_balance
SELECT generation, levels.legal_entity, levels.customer_id, currency, business_date,
       sum(ar_change), sum(sales_change), sum(unapplied_cash_change), sum(unallocated_credit_change)
FROM ar_entry
CROSS JOIN LATERAL (VALUES ('*', '*'), (ar_entry.legal_entity, '*'), (ar_entry.legal_entity, ar_entry.customer_id))
    AS levels (legal_entity, customer_id)
GROUP BY generation, levels.legal_entity, levels.customer_id, currency, business_date;

-- The days on which an invoice has a non-zero open amount lie within open_span, so aging as of D
-- touches only the invoices open around D (GiST range search) instead of every invoice ever issued.
CREATE TABLE open_item (
    generation     int       NOT NULL,
    legal_entity   text      NOT NULL,
    invoice_number text      NOT NULL,
    open_span      daterange NOT NULL,
    PRIMARY KEY (generation, legal_entity, invoice_number)
);
CREATE INDEX open_item_span ON open_item USING gist (open_span);

INSERT INTO open_item
SELECT generation, legal_entity, invoice_number, daterange(min(business_date), NULL, '[)')
FROM ar_entry WHERE invoice_number IS NOT NULL
GROUP BY generation, legal_entity, invoice_number;

-- Exchange rates loaded by an admin: 1 unit of from_currency = rate units of to_currency on that day.
CREATE TABLE fx_rate (
    rate_date     date           NOT NULL,
    from_currency text           NOT NULL,
    to_currency   text           NOT NULL,
    rate          numeric(24,10) NOT NULL CHECK (rate > 0),
    PRIMARY KEY (rate_date, from_currency, to_currency)
);
