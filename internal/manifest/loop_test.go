package manifest

import (
	"bytes"
	"strings"
	"testing"

	"slate/internal/domain"
)

// The improvement loop's fields and the Integration kind round-trip, and a
// webhook secret written into a definition is refused with the way out.
func TestLoopDefinitionsRoundTrip(t *testing.T) {
	const text = `apiVersion: slate/v1
kind: Service
metadata: {name: shop}
spec: {owner: Ann}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: counts}
spec: {shape: counts}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: errors}
spec: {shape: value, unit: "%"}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: reopen}
spec: {service: shop, feed: counts, type: OLA, period: month, indicator: {kind: ratio}, objective: {target: 0.9}}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: success}
spec:
  service: shop
  feed: counts
  type: SLA
  period: month
  indicator: {kind: ratio}
  objective: {target: 0.99}
  assumptions:
    expectedVolume: 3 000 a day
    volume: {min: 1000, max: 6000, per: day}
  review:
    cycle: quarterly
    missedInARow: 3
    metInARow: 12
    changes:
      - {date: "2026-09-01", kind: technology-refresh, note: New gateway}
  leads:
    - {feed: errors, maxLag: 14d}
    - {slt: reopen, maxLag: 7d}
  counterMetric: reopen
---
apiVersion: slate/v1
kind: Integration
metadata: {name: itsm}
spec:
  webhook: {url: "https://itsm.example/api/tasks", secretEnv: SLATE_ITSM_KEY, timeout: 5s}
  events: [rca.opened]
`
	defs := decodeValid(t, text)
	ws := domain.NewWorkspace(defs...)
	if ps := ws.ValidateAll(); len(ps) > 0 {
		t.Fatalf("invalid: %v", ps)
	}
	var first bytes.Buffer
	if err := Encode(&first, ws.Everything()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"kind: Integration", "secretEnv: SLATE_ITSM_KEY", "counterMetric: reopen", "maxLag: 14d", "missedInARow: 3", "kind: technology-refresh", "per: day"} {
		if !strings.Contains(first.String(), want) {
			t.Errorf("encoded YAML lacks %q:\n%s", want, first.String())
		}
	}
	again := domain.NewWorkspace(decodeValid(t, first.String())...)
	var second bytes.Buffer
	if err := Encode(&second, again.Everything()); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Fatalf("encode → decode → encode differs:\n%s\n---\n%s", first.String(), second.String())
	}

	secret := strings.Replace(text, "secretEnv: SLATE_ITSM_KEY", "secretEnv: SLATE_ITSM_KEY, secret: hunter2", 1)
	ps := domain.NewWorkspace(decodeValid(t, secret)...).ValidateAll()
	if len(ps) != 1 || !strings.Contains(ps[0].Error(), "never write the HMAC secret") {
		t.Fatalf("a written secret must be refused with the way out, got %v", ps)
	}
}
