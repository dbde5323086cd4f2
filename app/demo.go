package app

import "slate/internal/demo"

// LoadDemo fills the workspace with the demo definitions. Applying it again
// changes nothing.
func (w *Workspace) LoadDemo() (ApplyResult, error) {
	return w.Apply("demo workspace", demo.Definitions)
}
