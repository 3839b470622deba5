-- The answer stored for retries is kept as the bytes that were sent, not as text.
--
-- Why: a retry with the same Idempotency-Key gets exactly the bytes of the first answer, so the column holds bytes
-- and nothing reads it as text. As LONGTEXT (utf8mb4) every answer was encoded from bytes to a string and back on its
-- way in, and mariadbd scanned and validated it as UTF-8 twice per insert; profiled while screening 100-order
-- batches, that was about a quarter of mariadbd's character-set work (the answer is about 40 KB of the 60 KB of text
-- such a request writes). LONGBLOB takes the bytes as they are.
--
-- Existing rows keep their bytes: every stored answer is UTF-8 JSON, and converting utf8mb4 text to a binary column
-- copies its UTF-8 bytes unchanged (so the SHA-256 of the answer in each SCREENING_REQUEST audit entry still matches).
-- The table is rebuilt, which takes a while on a large one (the same order as V12's rebuild).

ALTER TABLE screening_request MODIFY response LONGBLOB NOT NULL;
