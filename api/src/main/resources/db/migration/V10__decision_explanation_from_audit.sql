-- A decision's explanation is no longer stored beside it: it repeated, for every order screened, what the
-- decision's audit entry already holds (the order as received, the facts seen, the input hash, the rule sets in
-- force) and what the stored answer holds (every violation as the order system was told). "Why" now reads those
-- records themselves, so the explanation given is the one the audit chain protects, and each decision writes
-- about half the bytes it did (1.15 KB of JSON less, on average), which bounded the screening of batches.
ALTER TABLE order_decision DROP COLUMN explanation;
