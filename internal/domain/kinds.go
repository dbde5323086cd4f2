package domain

import (
	"fmt"
	"strings"
)

// APIVersion is the apiVersion of Slate's own definition documents.
const APIVersion = "slate/v1"

// Kind names a type of definition.
type Kind string

// The kinds of definitions, in dependency order: a kind may refer only to kinds
// listed before it (SLTs may also refer to other SLTs, for composites and
// supply components). Naming conventions come first: they govern the names of
// everything after them.
const (
	KindNaming             Kind = "NamingConvention"
	KindCalendar           Kind = "Calendar"
	KindService            Kind = "Service"
	KindSupplier           Kind = "Supplier"
	KindMaturityModel      Kind = "MaturityModel"
	KindMaturityAssessment Kind = "MaturityAssessment"
	KindFeed               Kind = "Feed"
	KindSLTTemplate        Kind = "SLTTemplate"
	KindSLT                Kind = "SLT"
	KindContract           Kind = "Contract"
	KindMaintenance        Kind = "MaintenanceWindow"
	KindIntegration        Kind = "Integration"
)

// Kinds lists every kind in dependency order; output and apply follow it.
var Kinds = []Kind{KindNaming, KindCalendar, KindService, KindSupplier, KindMaturityModel, KindMaturityAssessment,
	KindFeed, KindSLTTemplate, KindSLT, KindContract, KindMaintenance, KindIntegration}

// ParseKind accepts a kind name in any case, singular or plural ("slt", "SLTs",
// "maintenancewindows", "maintenance").
func ParseKind(s string) (Kind, error) {
	l := strings.ToLower(strings.TrimSpace(s))
	for _, k := range Kinds {
		kl := strings.ToLower(string(k))
		if l == kl || l == kl+"s" || (k == KindMaintenance && (l == "maintenance" || l == "maintenances")) {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown kind %q (want one of %s)", s, kindList())
}

func kindList() string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}
