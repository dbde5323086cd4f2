package app

import "slate/internal/compliance"

// Status is an SLT's state in a reporting period (on target, at risk, missed,
// no data) with the reasons: one rule (internal/judge on compliance.JudgeStatus)
// that the dashboard, the pack, `slate report` and the API all show.
type Status = compliance.Status
