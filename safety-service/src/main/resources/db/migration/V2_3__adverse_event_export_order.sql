-- Exports read adverse events page by page in (subject, onset, id) order, each page a range after the last row
-- of the one before; subject IDs in byte order ("C") so the order does not depend on the server's locale.
CREATE INDEX adverse_event_export_order ON adverse_event (subject_id COLLATE "C", onset, id) WHERE NOT voided;
