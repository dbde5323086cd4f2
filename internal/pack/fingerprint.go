package pack

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"

	"slate/internal/domain"
)

// Fingerprint recipe versions: v2 adds each batch's data digest, recomputed
// from the stored points; v1 packs are still recognised by verify-pack.
const (
	RecipeV2 = "slate-pack-fingerprint/v2"
	RecipeV1 = "slate-pack-fingerprint/v1"
)

// Recipe is what a pack's data fingerprint is computed from (docs/pack.md).
type Recipe struct {
	Version string
	// Definitions is `slate get all -o yaml`.
	Definitions []byte
	// Batches are the published batches of the feeds the pack's SLTs read, by id.
	Batches []RecipeBatch
	// AuditSeq and AuditHash are the newest audit event that is not a pack export.
	AuditSeq  uint64
	AuditHash string
	// Feeds are the feeds the pack's SLTs read (FeedsOf).
	Feeds []string
}

// RecipeBatch is one batch line: its file's SHA-256 and (v2) the number and
// digest of its points as stored.
type RecipeBatch struct {
	ID     uint64
	Feed   string
	SHA256 string
	Points int64
	Data   string
}

// Fingerprint is a pack's data fingerprint and the lines it hashes.
type Fingerprint struct {
	Fingerprint string
	Lines       []string
	// AuditSeq and AuditHash are the chain head the pack is anchored to.
	AuditSeq  uint64
	AuditHash string
	// Feeds are the feeds the pack's SLTs read.
	Feeds []string
}

// Head is the anchored chain head as the pack's metadata writes it: SEQ:HASH.
func (fp Fingerprint) Head() string {
	if fp.AuditSeq == 0 {
		return ""
	}
	return fmt.Sprintf("%d:%s", fp.AuditSeq, fp.AuditHash)
}

// Fingerprint follows docs/pack.md: SHA-256 over the lines
//
//	slate-pack-fingerprint/v2
//	definitions <SHA-256 of `slate get all -o yaml`>
//	batch <id> <feed> <SHA-256 of the batch's file> points <n> <data SHA-256>
//	audit <seq> <hash>
//
// each ending with "\n"; the fingerprint is "sha256:" and the hex digest.
func (r Recipe) Fingerprint() Fingerprint {
	fp := Fingerprint{AuditSeq: r.AuditSeq, AuditHash: r.AuditHash, Feeds: r.Feeds}
	sum := sha256.Sum256(r.Definitions)
	fp.Lines = append(fp.Lines, r.Version, "definitions "+hex.EncodeToString(sum[:]))
	for _, b := range r.Batches {
		line := fmt.Sprintf("batch %d %s %s", b.ID, b.Feed, b.SHA256)
		if r.Version != RecipeV1 {
			line += fmt.Sprintf(" points %d %s", b.Points, b.Data)
		}
		fp.Lines = append(fp.Lines, line)
	}
	fp.Lines = append(fp.Lines, fmt.Sprintf("audit %d %s", r.AuditSeq, r.AuditHash))
	h := sha256.New()
	for _, l := range fp.Lines {
		h.Write([]byte(l + "\n"))
	}
	fp.Fingerprint = "sha256:" + hex.EncodeToString(h.Sum(nil))
	return fp
}

// FeedsOf is the set of feeds the SLTs read, through composites.
func FeedsOf(ws *domain.Workspace, slts []*domain.SLT) map[string]bool {
	feeds := map[string]bool{}
	seen := map[string]bool{}
	var walk func(s *domain.SLT)
	walk = func(s *domain.SLT) {
		if s == nil || seen[s.Name()] {
			return
		}
		seen[s.Name()] = true
		if s.Spec.Feed != "" {
			feeds[s.Spec.Feed] = true
		}
		if s.Spec.Composite != nil {
			for _, c := range s.Spec.Composite.Components {
				walk(ws.SLT(c.SLT))
			}
		}
	}
	for _, s := range slts {
		walk(s)
	}
	return feeds
}

// SortedFeeds is FeedsOf as a sorted list.
func SortedFeeds(ws *domain.Workspace, slts []*domain.SLT) []string {
	return slices.Sorted(maps.Keys(FeedsOf(ws, slts)))
}

// ScopeSLTs returns the SLTs of the services (all when none), ordered by
// service, then name.
func ScopeSLTs(ws *domain.Workspace, services []string) ([]*domain.SLT, error) {
	for _, s := range services {
		if ws.Service(s) == nil {
			return nil, fmt.Errorf("service %q does not exist", s)
		}
	}
	var out []*domain.SLT
	for _, s := range ws.SLTs() {
		if len(services) == 0 || slices.Contains(services, s.Spec.Service) {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b *domain.SLT) int {
		if c := strings.Compare(a.Spec.Service, b.Spec.Service); c != 0 {
			return c
		}
		return strings.Compare(a.Name(), b.Name())
	})
	return out, nil
}

// Scope is written into the file's metadata: "period=P services=a,b" (or *).
func Scope(period string, services []string) string {
	sv := "*"
	if len(services) > 0 {
		esc := make([]string, len(services))
		for i, s := range services {
			esc[i] = url.QueryEscape(s)
		}
		sv = strings.Join(esc, ",")
	}
	return "period=" + period + " services=" + sv
}
