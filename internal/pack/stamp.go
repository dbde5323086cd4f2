package pack

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"slate/internal/domain"
)

// Stamp is what a pack file says about itself in its keywords (Meta.Keywords):
// its fingerprint, the chain head it recorded, and its scope.
type Stamp struct {
	Fingerprint string
	// Head is the audit chain head SEQ:HASH (empty for packs made before Slate wrote it).
	Head     string
	HeadSeq  uint64
	HeadHash string
	Period   string
	// Services are the services the pack covers (none: every service); of an
	// anonymised pack, their pseudonyms.
	Services   []string
	Anonymized bool
	// Scope is the keywords after the fingerprint, as written.
	Scope string
}

var (
	reFingerprint = regexp.MustCompile(`fingerprint (sha256:[0-9a-f]{64})`)
	reHead        = regexp.MustCompile(`head ([0-9]+):([0-9a-f]{64})`)
	rePeriod      = regexp.MustCompile(`period=(\S+)`)
	reServices    = regexp.MustCompile(`services=(\S+)`)
)

// ErrNoStamp: the keywords carry no fingerprint.
var ErrNoStamp = errors.New("no Slate fingerprint (not a review pack, or its metadata was removed)")

// ReadStamp parses a pack file's keywords.
func ReadStamp(keywords string) (Stamp, error) {
	var st Stamp
	m := reFingerprint.FindStringSubmatch(keywords)
	if m == nil {
		return st, ErrNoStamp
	}
	st.Fingerprint = m[1]
	if m := reHead.FindStringSubmatch(keywords); m != nil {
		st.HeadSeq, _ = strconv.ParseUint(m[1], 10, 64)
		st.HeadHash, st.Head = m[2], m[1]+":"+m[2]
		keywords = strings.Replace(keywords, m[0], "", 1)
	}
	if m := rePeriod.FindStringSubmatch(keywords); m != nil {
		st.Period = m[1]
	}
	if m := reServices.FindStringSubmatch(keywords); m != nil && m[1] != "*" {
		for s := range strings.SplitSeq(m[1], ",") {
			if u, err := url.QueryUnescape(s); err == nil && u != "" {
				st.Services = append(st.Services, u)
			}
		}
	}
	st.Anonymized = strings.Contains(keywords, "anonymized=yes")
	st.Scope = strings.Join(strings.Fields(strings.TrimPrefix(keywords, "fingerprint "+st.Fingerprint)), " ")
	return st, nil
}

// Check is what verifying a pack found: the fingerprint recomputed now (with
// the recipe it matched), whether the chain still extends the pack's head,
// and whether the chain and the stored points of its feeds are intact.
type Check struct {
	Stored, Current string
	Recipe          string
	// HeadChecked: the pack recorded a head and the chain was checked against it.
	HeadChecked bool
	HeadOK      bool
	HeadProblem string
	ChainOK     bool
	Problem     string
}

// Match says whether the pack still matches the data.
func (c Check) Match(hasHead bool) bool {
	return c.Current != "" && c.Current == c.Stored && (!hasHead || c.HeadOK) && c.ChainOK
}

// Verdict is the verification's sentence for people.
func (c Check) Verdict(st Stamp) string {
	switch {
	case st.Head != "" && !c.HeadOK && c.HeadChecked:
		return fmt.Sprintf("the pack does NOT match: the audit trail no longer extends the head it recorded (event %d): %s", st.HeadSeq, c.HeadProblem)
	case !c.ChainOK:
		return "the pack does NOT match: " + c.Problem
	case c.Match(st.Head != "") && c.Recipe == RecipeV1:
		return "the pack matches the data (it was made by an older Slate, whose fingerprint did not cover the stored points; they were checked against the audit trail instead)"
	case c.Match(st.Head != ""):
		return "the pack matches the data: definitions, the stored points of every batch, and the audit chain are as they were when it was exported"
	}
	return "the pack does NOT match the data: definitions, data batches or the audit trail changed since it was exported (compare the components with the pack's audit appendix)"
}

// RealServices is the real services the stamp's scope names (an anonymised
// pack's pseudonyms mapped back with ps), or why they no longer can be.
func (st Stamp) RealServices(ws *domain.Workspace, ps *Pseudonyms) (real []string, gone string) {
	real = st.Services
	if st.Anonymized && len(real) > 0 {
		real = nil
		for _, s := range st.Services {
			r, ok := ps.Service(s)
			if !ok {
				return nil, fmt.Sprintf("the pack covers %s, which no longer matches a service of the workspace", s)
			}
			real = append(real, r)
		}
	}
	for _, s := range real {
		if ws.Service(s) == nil {
			return nil, fmt.Sprintf("the pack covers service %q, which no longer exists", s)
		}
	}
	return real, ""
}
