-- Version 1 of the protocol: the reference study (fludarabine 30 mg/m2 + cyclophosphamide 300 mg/m2 on
-- days -5, -4, -3; one CAR-T dose of 1.5e5 or 3e5 cells/kg; visits to month 24). Later versions are made
-- by an admin through PUT /api/v1/enrollment/protocol; a patient keeps the version in force at enrollment.
INSERT INTO protocol_version (version, definition, created_at, created_by, reason) VALUES (1, '{
  "name": "Anti-CD19 CAR-T in refractory primary ITP (reference study)",
  "doseLevels": [
    {
      "code": "DL1",
      "cellsPerKg": 150000.0
    },
    {
      "code": "DL2",
      "cellsPerKg": 300000.0
    }
  ],
  "carTDoseTolerancePercent": 20,
  "lymphodepletion": [
    {
      "agent": "fludarabine",
      "mgPerM2": 30,
      "days": [
        -5,
        -4,
        -3
      ],
      "renallyAdjusted": true
    },
    {
      "agent": "cyclophosphamide",
      "mgPerM2": 300,
      "days": [
        -5,
        -4,
        -3
      ],
      "renallyAdjusted": false
    }
  ],
  "dosing": {
    "bsaFormula": "MOSTELLER",
    "bsaScale": 2,
    "doseScale": 0,
    "rounding": "HALF_UP",
    "renalReductionLowerMlMin": 30,
    "renalReductionUpperMlMin": 70,
    "renalReductionPercent": 20
  },
  "visitSchedule": [
    {
      "label": "D-7",
      "studyDay": -7
    },
    {
      "label": "D-5",
      "studyDay": -5
    },
    {
      "label": "D-4",
      "studyDay": -4
    },
    {
      "label": "D-3",
      "studyDay": -3
    },
    {
      "label": "D-2",
      "studyDay": -2
    },
    {
      "label": "D-1",
      "studyDay": -1
    },
    {
      "label": "D0",
      "studyDay": 0
    },
    {
      "label": "D1",
      "studyDay": 1
    },
    {
      "label": "D2",
      "studyDay": 2
    },
    {
      "label": "D3",
      "studyDay": 3
    },
    {
      "label": "D4",
      "studyDay": 4
    },
    {
      "label": "D5",
      "studyDay": 5
    },
    {
      "label": "D6",
      "studyDay": 6
    },
    {
      "label": "D7",
      "studyDay": 7
    },
    {
      "label": "D8",
      "studyDay": 8
    },
    {
      "label": "D9",
      "studyDay": 9
    },
    {
      "label": "D10",
      "studyDay": 10
    },
    {
      "label": "D11",
      "studyDay": 11
    },
    {
      "label": "D12",
      "studyDay": 12
    },
    {
      "label": "D13",
      "studyDay": 13
    },
    {
      "label": "D14",
      "studyDay": 14
    },
    {
      "label": "D21",
      "studyDay": 21
    },
    {
      "label": "D28",
      "studyDay": 28
    },
    {
      "label": "M2",
      "month": 2
    },
    {
      "label": "M3",
      "month": 3
    },
    {
      "label": "M4",
      "month": 4
    },
    {
      "label": "M5",
      "month": 5
    },
    {
      "label": "M6",
      "month": 6
    },
    {
      "label": "M7",
      "month": 7
    },
    {
      "label": "M8",
      "month": 8
    },
    {
      "label": "M9",
      "month": 9
    },
    {
      "label": "M10",
      "month": 10
    },
    {
      "label": "M11",
      "month": 11
    },
    {
      "label": "M12",
      "month": 12
    },
    {
      "label": "M13",
      "month": 13
    },
    {
      "label": "M14",
      "month": 14
    },
    {
      "label": "M15",
      "month": 15
    },
    {
      "label": "M16",
      "month": 16
    },
    {
      "label": "M17",
      "month": 17
    },
    {
      "label": "M18",
      "month": 18
    },
    {
      "label": "M19",
      "month": 19
    },
    {
      "label": "M20",
      "month": 20
    },
    {
      "label": "M21",
      "month": 21
    },
    {
      "label": "M22",
      "month": 22
    },
    {
      "label": "M23",
      "month": 23
    },
    {
      "label": "M24",
      "month": 24
    }
  ],
  "eligibility": {
    "minAgeYears": 6,
    "maxAgeYears": 30,
    "minMonthsSinceDiagnosis": 12,
    "minPriorLines": 2,
    "maxScreeningPlateletCountPer1e9L": 30,
    "investigatorCriteria": [
      {
        "code": "NO_SECONDARY_ITP",
        "text": "No secondary ITP (e.g. SLE, HIV, HCV, lymphoproliferative disease)"
      },
      {
        "code": "NO_ACTIVE_INFECTION",
        "text": "No active uncontrolled infection"
      },
      {
        "code": "ADEQUATE_ORGAN_FUNCTION",
        "text": "Adequate cardiac, hepatic, renal and pulmonary function"
      },
      {
        "code": "NOT_PREGNANT_OR_BREASTFEEDING",
        "text": "Not pregnant or breastfeeding"
      },
      {
        "code": "INFORMED_CONSENT",
        "text": "Written informed consent (and assent for minors)"
      },
      {
        "code": "NO_PRIOR_CAR_T",
        "text": "No prior CAR-T or other gene-modified cell therapy"
      }
    ]
  }
}'::jsonb,
    TIMESTAMPTZ '2024-01-01 00:00:00+00', 'flyway', 'Reference study protocol');
