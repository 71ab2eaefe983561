-- "As known at" answers from pre-aggregates instead of a scan of the ledger: the daily balances
-- split by the hour the movements were received, and every past state of each invoice's open span.

-- Net daily change per scope level (as daily_balance) and per hour of receipt (UTC). As known at T:
-- the rows received in hours before T's hour, plus the ledger rows received from T's hour up to T
-- (index ar_entry_received): a range scan over days, plus at most one hour's intake.
CREATE TABLE known_daily_balance (
    generation                int           NOT NULL,
    legal_entity              text          NOT NULL,
    customer_id               text          NOT NULL,
    currency                  text          NOT NULL,
    day                       date          NOT NULL,
    received_hour             timestamptz   NOT NULL,
    ar_change                 numeric(19,4) NOT NULL,
    sales_change              numeric(19,4) NOT NULL,
    unapplied_cash_change     numeric(19,4) NOT NULL,
    unallocated_credit_change numeric(19,4) NOT NULL,
    PRIMARY KEY (generation, legal_entity, customer_id, currency, day, received_hour)
);
CREATE INDEX known_daily_balance_customer ON known_daily_balance (generation, customer_id, currency, day);

INSERT INTO known_daily_balance
SELECT generation, levels.legal_entity, levels.customer_id, currency, business_date,
       date_trunc('hour', received_at, 'UTC'),
       sum(ar_change), sum(sales_change), sum(unapplied_cash_change), sum(unallocated_credit_change)
FROM ar_entry
CROSS JOIN LATERAL (VALUES ('*', '*'), (ar_entry.legal_entity, '*'), (ar_entry.legal_entity, ar_entry.customer_id))
    AS levels (legal_entity, customer_id)
GROUP BY generation, levels.legal_entity, levels.customer_id, currency, business_date,
         date_trunc('hour', received_at, 'UTC');

-- An invoice paid today was open yesterday as known yesterday, so today's open span cannot answer
-- "as known at". Its span as known at T is that of its entries received by T; it changes only when
-- an entry arrives. open_item keeps the current span and since when it is known; open_item_history
-- every earlier one with the time it held. known_box is that (time, day) rectangle, seconds since
-- the epoch by days since the epoch, widened to whole seconds and open ends at 1e11 s and 1e7 days:
-- a GiST search for the point (T, D) finds the invoices that may be open at D as known at T in
-- O(log n + k), whatever happened to them later.
ALTER TABLE open_item ADD COLUMN known_since timestamptz;

CREATE TABLE open_item_history (
    generation     int         NOT NULL,
    legal_entity   text        NOT NULL,
    invoice_number text        NOT NULL,
    known_from     timestamptz NOT NULL,
    known_until    timestamptz NOT NULL,
    open_span      daterange   NOT NULL,
    known_box      box         NOT NULL,
    PRIMARY KEY (generation, legal_entity, invoice_number, known_from)
);
CREATE INDEX open_item_history_known ON open_item_history USING gist (known_box);

-- Backfill: the span after each distinct reception time of an invoice's entries, computed as
-- ReceivablesLedger does (from the first movement to the first day of the final run of days with a
-- zero balance; open-ended while the balance is not zero), consecutive equal spans merged.
CREATE TEMPORARY TABLE invoice_span_version ON COMMIT DROP AS
WITH reception AS (
    SELECT DISTINCT generation, legal_entity, invoice_number, received_at AS known_from
    FROM ar_entry WHERE invoice_number IS NOT NULL
), known_day AS (
    SELECT r.generation, r.legal_entity, r.invoice_number, r.known_from, e.business_date, sum(e.ar_change) AS change
    FROM reception r
    JOIN ar_entry e ON e.generation = r.generation AND e.legal_entity = r.legal_entity
        AND e.invoice_number = r.invoice_number AND e.received_at <= r.known_from
    GROUP BY r.generation, r.legal_entity, r.invoice_number, r.known_from, e.business_date
), balance AS (
    SELECT generation, legal_entity, invoice_number, known_from, business_date,
           sum(change) OVER knowledge AS balance,
           lead(business_date) OVER knowledge AS next_day
    FROM known_day
    WINDOW knowledge AS (PARTITION BY generation, legal_entity, invoice_number, known_from ORDER BY business_date)
), span AS (
    SELECT generation, legal_entity, invoice_number, known_from,
           daterange(min(business_date),
               CASE WHEN (array_agg(balance ORDER BY business_date DESC))[1] <> 0 THEN NULL
                    WHEN bool_and(balance = 0) THEN min(business_date)
                    ELSE (array_agg(next_day ORDER BY business_date DESC) FILTER (WHERE balance <> 0))[1]
               END, '[)') AS open_span
    FROM balance
    GROUP BY generation, legal_entity, invoice_number, known_from
), changed AS (
    SELECT *, open_span IS DISTINCT FROM lag(open_span) OVER invoice AS changes
    FROM span
    WINDOW invoice AS (PARTITION BY generation, legal_entity, invoice_number ORDER BY known_from)
)
SELECT generation, legal_entity, invoice_number, known_from, open_span,
       lead(known_from) OVER (PARTITION BY generation, legal_entity, invoice_number ORDER BY known_from) AS known_until
FROM changed WHERE changes;

UPDATE open_item o SET known_since = v.known_from
FROM invoice_span_version v
WHERE v.known_until IS NULL AND v.generation = o.generation AND v.legal_entity = o.legal_entity
    AND v.invoice_number = o.invoice_number;

INSERT INTO open_item_history (generation, legal_entity, invoice_number, known_from, known_until, open_span, known_box)
SELECT generation, legal_entity, invoice_number, known_from, known_until, open_span,
       box(point(floor(extract(epoch FROM known_from)), lower(open_span) - DATE '1970-01-01'),
           point(ceil(extract(epoch FROM known_until)),
                 COALESCE(upper(open_span) - DATE '1970-01-01' - 1, 1e7)))
FROM invoice_span_version
WHERE known_until IS NOT NULL AND NOT isempty(open_span);

ALTER TABLE open_item ALTER COLUMN known_since SET NOT NULL;
