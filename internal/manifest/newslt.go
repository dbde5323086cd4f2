package manifest

import (
	"bytes"
	"fmt"
	"strings"

	"slate/internal/domain"
)

// RenderSLT writes a new SLT from a template, for a service and a feed, as a
// slate/v1 document to review and then apply. The SLT must be valid in the
// workspace as it stands (a free name that follows the naming conventions, a
// feed whose shape fits the template's indicator): otherwise every problem is
// returned and nothing is written.
func RenderSLT(ws *domain.Workspace, template, name, service, feed string) (string, error) {
	t := ws.SLTTemplate(template)
	if t == nil {
		var known []string
		for _, x := range ws.SLTTemplates() {
			known = append(known, x.Name())
		}
		if len(known) == 0 {
			return "", fmt.Errorf("SLT template %q does not exist, and the workspace has none (define an SLTTemplate first)", template)
		}
		return "", fmt.Errorf("SLT template %q does not exist (templates: %s)", template, strings.Join(known, ", "))
	}
	if ws.Has(domain.KindSLT, name) {
		return "", fmt.Errorf("SLT %q exists already; choose another name", name)
	}
	svc := ws.Service(service)
	if svc == nil {
		return "", fmt.Errorf("service %q does not exist", service)
	}
	if ws.Feed(feed) == nil {
		return "", fmt.Errorf("feed %q does not exist", feed)
	}
	s := t.NewSLT(name, service, feed, svc.Spec.Owner)
	trial := domain.NewWorkspace(ws.Everything()...)
	trial.Put(s)
	var problems []string
	for _, p := range trial.ValidateAll() {
		if p.Kind == domain.KindSLT && p.Name == name {
			problems = append(problems, p.Error())
		}
	}
	if len(problems) > 0 {
		return "", fmt.Errorf("the SLT from template %s would not apply:\n%s", template, strings.Join(problems, "\n"))
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# SLT %s from template %s for service %s and feed %s.\n# Review it (owner, objective, escalation contacts, review date), then `slate apply -f` it.\n", name, template, service, feed)
	if err := Encode(&b, []domain.Definition{s}); err != nil {
		return "", err
	}
	return b.String(), nil
}
