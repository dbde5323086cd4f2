// Package demo holds the demo workspace: a realistic retailer whose SLTs use
// every indicator kind, a tiered target, composites and supplier contracts.
package demo

import _ "embed"

// Definitions is the demo workspace as slate/v1 YAML.
//
//go:embed workspace.yaml
var Definitions string
