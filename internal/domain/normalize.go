package domain

// Normalize puts a definition in its canonical stored form (times in UTC), so
// that writing it out and reading it back gives the same bytes.
func Normalize(d Definition) {
	if m, ok := d.(*MaintenanceWindow); ok {
		if !m.Spec.Start.IsZero() {
			m.Spec.Start = m.Spec.Start.UTC()
		}
		if !m.Spec.End.IsZero() {
			m.Spec.End = m.Spec.End.UTC()
		}
		if !m.Spec.RegisteredAt.IsZero() {
			m.Spec.RegisteredAt = m.Spec.RegisteredAt.UTC()
		}
	}
}
