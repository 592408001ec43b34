-- The safety summary lists the serious adverse events, by subject, onset and entry. They are a few of all events;
-- without this index each summary read every event to find them (72-120 ms over 500 000 events, none serious:
-- docs/performance.md, run 14).
CREATE INDEX adverse_event_serious ON adverse_event (subject_id, onset, created_at) WHERE serious AND NOT voided;
