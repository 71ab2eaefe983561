-- The invoices collections dunned when it asked for a hold: the hold waits for them to be known
-- before "no past-due AR left" may release it, because the topics are not ordered with each other.
ALTER TABLE credit_account ADD COLUMN collections_hold_invoices text;
