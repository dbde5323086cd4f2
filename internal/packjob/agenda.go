package packjob

import (
	"bytes"
	"fmt"
	"strings"

	"slate/internal/domain"
	"slate/internal/export"
	"slate/internal/improve"
	"slate/internal/pack"
	"slate/internal/storage"
)

// AgendaFormat is the format an agenda file is asked in, checked: pdf or xlsx.
func AgendaFormat(asked string) (string, error) {
	format := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(asked), "."))
	if format != PDF && format != XLSX {
		return "", fmt.Errorf("format %q: an agenda is written as pdf or xlsx", asked)
	}
	return format, nil
}

// Agenda renders a meeting's agenda as a PDF or a workbook (an AgendaFormat) through the pack's writers, fingerprinted like a pack (its SLTs'
// definitions and data, and the audit head, which every loop record's
// change moves), and audits it as export.agenda. It returns the file's name
// and bytes.
func Agenda(st *storage.Store, ag improve.Agenda, format string) (string, []byte, error) {
	pk := improve.AgendaPack(ag)
	err := st.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		var slts []*domain.SLT
		for _, s := range ag.SLTs {
			slts = append(slts, ws.SLT(s.SLT))
		}
		fp, err := Fingerprint(tx, ws, slts, pack.RecipeV2)
		pk.Meta.Workspace, pk.Meta.Fingerprint, pk.Meta.Head = WorkspaceName(st), fp.Fingerprint, fp.Head()
		return err
	})
	if err != nil {
		return "", nil, err
	}
	var buf bytes.Buffer
	name := fmt.Sprintf("slate-agenda-%s-%s-%s.%s", ag.Scope, ag.Name, ag.Date, format)
	if format == PDF {
		err = export.WritePDF(&buf, pk)
	} else {
		err = export.WriteXLSX(&buf, pk)
	}
	if err != nil {
		return "", nil, err
	}
	err = st.Update(func(tx *storage.Tx) error {
		_, err := tx.Audit("export.agenda", "Agenda/"+ag.Scope+"/"+ag.Name+"@"+ag.Date, map[string]any{
			"file": name, "size": int64(buf.Len()), "fingerprint": pk.Meta.Fingerprint, "scope": pk.Meta.Scope})
		return err
	})
	if err != nil {
		return "", nil, fmt.Errorf("agenda written but not audited: %w", err)
	}
	return name, buf.Bytes(), nil
}
