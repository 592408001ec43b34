-- Derived grades are stored with the engine (and version) that derived them, so a grade in a report can be
-- traced to the rules that made it, and grades made by an older engine can be found and regraded.
ALTER TABLE lab_result ADD COLUMN ctcae_engine VARCHAR(100) NOT NULL DEFAULT 'CtcaeLabGrader 1.0 (CTCAE v5.0)';
ALTER TABLE lab_result ALTER COLUMN ctcae_engine DROP DEFAULT;
ALTER TABLE adverse_event ADD COLUMN derived_by VARCHAR(100);
