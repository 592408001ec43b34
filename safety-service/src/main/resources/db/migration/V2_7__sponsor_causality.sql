-- The sponsor's causality assessment of the CAR-T product, recorded by a safety officer beside the investigator's;
-- E2B(R3) reports carry both (G.k.9.i.2.r). Null while the sponsor has not assessed the event.
ALTER TABLE adverse_event ADD COLUMN sponsor_related_to_car_t VARCHAR(20);
