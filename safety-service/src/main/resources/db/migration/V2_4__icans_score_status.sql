-- ICANS (ASTCT consensus, Lee DW et al., Biol Blood Marrow Transplant 2019;25:625-638; docs/clinical-rules.md,
-- section "ICANS"): whether the ICE score and the CAPD were done, not performed, or could not be done (the patient
-- unarousable or aphasic). Assessments recorded before have DONE where they carry the score and NOT_PERFORMED
-- where they do not, as a request without a status still reads.
ALTER TABLE neuro_assessment ADD COLUMN ice_status VARCHAR(20);
ALTER TABLE neuro_assessment ADD COLUMN capd_status VARCHAR(20);
UPDATE neuro_assessment SET
    ice_status = CASE WHEN ice_orientation IS NULL THEN 'NOT_PERFORMED' ELSE 'DONE' END,
    capd_status = CASE WHEN capd_score IS NULL THEN 'NOT_PERFORMED' ELSE 'DONE' END;
ALTER TABLE neuro_assessment
    ALTER COLUMN ice_status SET NOT NULL,
    ALTER COLUMN capd_status SET NOT NULL,
    ADD CONSTRAINT neuro_assessment_ice_status
        CHECK (ice_status IN ('DONE', 'NOT_PERFORMED', 'UNABLE')),
    ADD CONSTRAINT neuro_assessment_capd_status
        CHECK (capd_status IN ('DONE', 'NOT_PERFORMED', 'UNABLE')),
    -- A score is stored exactly when it was done: all five ICE items, or none.
    ADD CONSTRAINT neuro_assessment_ice_items_when_done
        CHECK (num_nonnulls(ice_orientation, ice_naming, ice_commands, ice_writing, ice_attention)
               = CASE WHEN ice_status = 'DONE' THEN 5 ELSE 0 END),
    ADD CONSTRAINT neuro_assessment_capd_score_when_done
        CHECK ((capd_score IS NOT NULL) = (capd_status = 'DONE')),
    -- An assessment uses ICE or CAPD (by age), never both.
    ADD CONSTRAINT neuro_assessment_one_score
        CHECK (ice_status = 'NOT_PERFORMED' OR capd_status = 'NOT_PERFORMED');
