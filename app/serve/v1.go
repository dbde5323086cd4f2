package serve

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"slate/app"
	"slate/internal/compliance"
)

// The resource API for integrators (docs/api.md): a CI job, a monitoring
// pipeline or a supplier's system reads SLTs, reports, breaches and batches
// with GET and sends a file with one POST. It sits beside the UI's
// POST /api/<Service>/<Method> and calls the same services as the token's
// user, so roles, supplier scopes and the audit trail are those of the
// methods it calls (app.RouteRule). Lists are paged with limit and an opaque
// cursor; reads carry an ETag made of the data version (and the evaluation
// time of figures), so If-None-Match answers 304 without evaluating; errors
// are RFC 9457 problem details.

// v1Route is one resource route: how it is served and how docs/openapi.json
// describes it.
type v1Route struct {
	method, path string // "GET", "/api/v1/slts/{name}/report"
	id           string // operationId
	summary, doc string
	params       []v1Param
	// body describes a request body (the file of a batch); empty: none.
	body string
	// example is a value of the answer's type: its schema and its example.
	example any
	status  int   // the status of success
	errors  []int // the problem statuses the route answers with, besides 401 and 403
	serve   func(x *v1Call) (any, error)
}

type v1Param struct {
	name, in, doc, example string
	typ                    string // "string", "integer" or "boolean"
	required               bool
}

var (
	limitParam  = v1Param{"limit", "query", "Items per page, 1 to 1000 (default 100).", "100", "integer", false}
	cursorParam = v1Param{"cursor", "query", "Where the page starts: `next_cursor` of the page before.", "", "string", false}
	atParam     = v1Param{"at", "query", "Evaluate as of this time (RFC 3339 or a date). Default: now, to the minute.", "2026-11-01T00:00:00Z", "string", false}
)

// v1Routes are the routes of /api/v1; each needs a rule in internal/access/access.go.
func v1Routes() []v1Route {
	return []v1Route{{
		method: "GET", path: "/api/v1/slts", id: "listSLTs", summary: "List the SLTs",
		doc:     "Every SLT of the workspace, by name, with its service, objective and feed.",
		params:  []v1Param{limitParam, cursorParam},
		example: exampleSLTs, status: 200, errors: []int{400},
		serve: listSLTs,
	}, {
		method: "GET", path: "/api/v1/slts/{name}/report", id: "getSLTReport", summary: "An SLT's compliance report",
		doc: "The SLT's rows (overall and per tier) for a period, its credits and its status: the same figures as " +
			"`slate report --slt NAME --period P --json`. Without `period`, the last complete and the running period.",
		params: []v1Param{{"name", "path", "The SLT's name.", "shop-availability", "string", true},
			{"period", "query", "A period key: 2026-10, 2026-Q3, 2026-W07, 2026 or 2026-10-05.", "2026-10", "string", false}, atParam},
		example: exampleReport, status: 200, errors: []int{400, 404},
		serve: sltReport,
	}, {
		method: "GET", path: "/api/v1/breaches", id: "listBreaches", summary: "List missed periods",
		doc: "Every missed period of every SLT with its impact, priority and Pareto rank, ordered by id " +
			"(SLT[/TIER]@PERIOD); false positives stay in the list, out of the ranking.",
		params: []v1Param{{"since", "query", "Only periods starting at or after this period key or time.", "2026-07", "string", false},
			atParam, limitParam, cursorParam},
		example: exampleBreaches, status: 200, errors: []int{400},
		serve: listBreaches,
	}, {
		method: "POST", path: "/api/v1/feeds/{name}/batches", id: "importBatch", summary: "Import a file into a feed",
		doc: "Sends a CSV or XLSX file (the request body, up to 512 MiB; `Content-Length` required) into the feed " +
			"and imports it as one batch: every row is validated and the answer lists the findings. A published batch " +
			"answers 201 with its `Location`; a dry run 200; an import that publishes nothing (conflicting rows, no " +
			"importable row) answers 422 with the findings in `result`. A supplier may send into its own feeds only.",
		params: []v1Param{{"name", "path", "The feed's name.", "parcel-orders", "string", true},
			{"file", "query", "The file's name as the batch records it (default: from Content-Disposition, else upload.csv or upload.xlsx by Content-Type).", "orders-2026-10.csv", "string", false},
			{"on_conflict", "query", "Rows for a time or item already stored: reject (default: nothing is imported), replace or keep.", "reject", "string", false},
			{"dry_run", "query", "true: validate and count, import nothing.", "false", "boolean", false},
			{"sheet", "query", "The sheet of an XLSX file (default: the mapping's, else the first).", "", "string", false}},
		body:    "The file, as is: `text/csv` or `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` (the format is also recognised from the content).",
		example: exampleImport, status: 201, errors: []int{400, 404, 411, 413, 422},
		serve: postBatch,
	}, {
		method: "GET", path: "/api/v1/batches/{id}", id: "getBatch", summary: "One import batch",
		doc:     "A batch's file, mapping, counts, status and its first findings. A supplier sees the batches of its own feeds only.",
		params:  []v1Param{{"id", "path", "The batch number.", "42", "integer", true}},
		example: exampleBatch, status: 200, errors: []int{400, 404},
		serve: getBatch,
	}, {
		method: "GET", path: "/api/v1/actions", id: "listActions", summary: "List improvement actions",
		doc: "The improvement actions (docs/improvement.md), ordered by id, each with whether it is overdue today " +
			"in the workspace's time zone.",
		params: []v1Param{{"status", "query", "open, in_progress, done, dropped, or live (open and in progress).", "live", "string", false},
			{"owner", "query", "Only this owner's actions.", "", "string", false},
			{"slt", "query", "Only actions about this SLT.", "parcel-delivery-48h", "string", false},
			{"service", "query", "Only actions about this service.", "", "string", false},
			{"supplier", "query", "Only actions about this supplier.", "", "string", false},
			{"rca", "query", "Only the actions of this root-cause analysis.", "", "string", false},
			{"overdue", "query", "true: only overdue actions.", "", "boolean", false},
			limitParam, cursorParam},
		example: exampleActions, status: 200, errors: []int{400},
		serve: listActions,
	}, {
		method: "GET", path: "/api/v1/predictions", id: "listPredictions", summary: "The chance that each SLT misses its period",
		doc: "For each SLT (and tier), the probability that the period in progress and the next one miss their target, " +
			"always with the walk-forward track record of both horizons (`track_record_current`, `track_record_next`: " +
			"Brier score, skill against the baseline, AUC, reliability, decision points). Each probability's `source` " +
			"is the model when its track record beats the baseline, else the baseline; without a track record the " +
			"status is `insufficient`, the message says \"not enough data: N decision points, need M\" and no " +
			"probability is given. The same figures as `slate predict --json`.",
		params:  []v1Param{{"slt", "query", "Only this SLT.", "parcel-delivery-48h", "string", false}, atParam},
		example: examplePredictions, status: 200, errors: []int{400, 404},
		serve: listPredictions,
	}, {
		method: "GET", path: "/api/v1/feeds/{name}/calibration", id: "getFeedCalibration", summary: "A feed against its reference feed",
		doc: "The feed compared with the reference its definition names (`spec.calibrateAgainst`), bucket by bucket: " +
			"bias (feed − reference) with its interval, MAE, Bland–Altman limits of agreement, Lin's concordance, " +
			"good/bad agreement at each SLT's threshold (confusion matrix, Cohen's kappa), the SLTs' attainment from " +
			"both feeds, and the bias per month with drift flagged. The same figures as `slate calibrate FEED --json`; " +
			"too few paired buckets answer 422 with \"not enough data\".",
		params: []v1Param{{"name", "path", "The feed's name.", "shop-latency", "string", true},
			{"from", "query", "First time compared (RFC 3339 or a date). Default: all data.", "2026-01-01", "string", false},
			{"to", "query", "End of the span, exclusive. Default: now.", "2026-11-01", "string", false}},
		example: exampleCalibration, status: 200, errors: []int{404, 422},
		serve: feedCalibration,
	}}
}

// SLTList is a page of SLTs.
type SLTList struct {
	Items []app.SLTSummary `json:"items"`
	// NextCursor, when set, fetches the next page (`cursor`); the last page has none.
	NextCursor string `json:"next_cursor,omitempty"`
}

// BreachList is a page of the breach log.
type BreachList struct {
	// At is the evaluation time.
	At         time.Time    `json:"at"`
	Since      string       `json:"since,omitempty"`
	Items      []app.Breach `json:"items"`
	NextCursor string       `json:"next_cursor,omitempty"`
}

// ActionList is a page of improvement actions.
type ActionList struct {
	Items      []app.ActionItem `json:"items"`
	NextCursor string           `json:"next_cursor,omitempty"`
}

// Problem is an RFC 9457 problem detail: what went wrong, in plain words.
type Problem struct {
	// Type is about:blank: the status says what kind of problem it is.
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
	// Instance is the path of the request.
	Instance string `json:"instance,omitempty"`
	// Result is the import's answer when an import published nothing: its findings say why.
	Result *app.ImportResult `json:"result,omitempty"`
}

// v1Call is one request to a route, as its caller.
type v1Call struct {
	w   http.ResponseWriter
	r   *http.Request
	a   *app.App // the caller's view
	srv *Server
}

// problemError is an answer other than success, with its status.
type problemError struct {
	status int
	detail string
	result *app.ImportResult
}

func (p *problemError) Error() string { return p.detail }

func problemf(status int, format string, args ...any) error {
	return &problemError{status: status, detail: fmt.Sprintf(format, args...)}
}

// errNotModified: the client holds the current representation (If-None-Match).
var errNotModified = errors.New("not modified")

func writeProblem(w http.ResponseWriter, r *http.Request, p Problem) {
	p.Type, p.Title, p.Detail = "about:blank", http.StatusText(p.Status), clip(p.Detail, maxMessage)
	if p.Instance == "" && r != nil {
		p.Instance = r.URL.Path
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(p)
}

// v1Handler routes /api/v1/: the caller is known before any route is
// matched, so a stranger learns nothing about the routes.
func (s *Server) v1Handler() (http.Handler, error) {
	mux := http.NewServeMux()
	seen := map[string]bool{}
	for _, rt := range v1Routes() {
		pattern := rt.method + " " + rt.path
		rule, _, ok := app.RouteRule(pattern)
		if !ok {
			return nil, fmt.Errorf("API route without an access rule in internal/access/access.go: %s", pattern)
		}
		mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) { s.serveV1(w, r, rt, rule) })
		if !seen[rt.path] {
			seen[rt.path] = true
			mux.HandleFunc(rt.path, func(w http.ResponseWriter, r *http.Request) {
				var allow []string
				for _, o := range v1Routes() {
					if o.path == rt.path {
						allow = append(allow, o.method)
					}
				}
				w.Header().Set("Allow", strings.Join(allow, ", "))
				writeProblem(w, r, Problem{Status: http.StatusMethodNotAllowed, Detail: fmt.Sprintf("%s answers %s", rt.path, strings.Join(allow, ", "))})
			})
		}
	}
	mux.HandleFunc("/api/v1/", func(w http.ResponseWriter, r *http.Request) {
		writeProblem(w, r, Problem{Status: http.StatusNotFound, Detail: "no such route " + clip(r.URL.Path, 200) + " (docs/api.md lists them)"})
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := s.cop.Check(r); err != nil {
			writeProblem(w, r, Problem{Status: http.StatusForbidden, Detail: "cross-origin calls are refused"})
			return
		}
		c, ok, err := s.caller(r)
		switch {
		case err != nil:
			writeProblem(w, r, Problem{Status: http.StatusInternalServerError, Detail: err.Error()})
			return
		case !ok:
			w.Header().Set("WWW-Authenticate", `Bearer realm="slate"`)
			writeProblem(w, r, Problem{Status: http.StatusUnauthorized, Detail: "missing or wrong token: send Authorization: Bearer <token> (made by slate user add)"})
			return
		}
		mux.ServeHTTP(w, r.WithContext(withCaller(r.Context(), c)))
	}), nil
}

func (s *Server) serveV1(w http.ResponseWriter, r *http.Request, rt v1Route, rule app.Rule) {
	c := callerOf(r.Context())
	if !c.Has(rule.Right) {
		writeProblem(w, r, Problem{Status: http.StatusForbidden,
			Detail: fmt.Sprintf("%s (role %s) may not %s %s: it needs the right %q (see docs/security.md)", c.Name, c.Role, rt.method, rt.path, rule.Right)})
		return
	}
	if rule.MaxBody == 0 && r.ContentLength > 0 {
		writeProblem(w, r, Problem{Status: http.StatusBadRequest, Detail: rt.method + " " + rt.path + " takes no request body"})
		return
	}
	// The request's context: a client that goes away stops its computation.
	x := &v1Call{w: w, r: r, a: s.app.As(c).WithContext(r.Context()), srv: s}
	out, err := rt.serve(x)
	var p *problemError
	switch {
	case errors.Is(err, errNotModified):
		w.WriteHeader(http.StatusNotModified)
		return
	case errors.As(err, &p):
		if p.status == http.StatusRequestEntityTooLarge || p.status == http.StatusLengthRequired {
			w.Header().Set("Connection", "close")
		}
		writeProblem(w, r, Problem{Status: p.status, Detail: p.detail, Result: p.result})
		return
	case err != nil:
		writeProblem(w, r, Problem{Status: statusOf(err), Detail: err.Error()})
		return
	}
	status := rt.status
	if loc := w.Header().Get("Location"); status == http.StatusCreated && loc == "" {
		status = http.StatusOK // a dry run creates nothing
	}
	writeJSON(w, status, out)
}

// statusOf is the status of a service's error.
func statusOf(err error) int {
	var ke *compliance.KeyError
	switch {
	case app.NotFound(err):
		return http.StatusNotFound
	case errors.As(err, &ke):
		return http.StatusBadRequest
	}
	return http.StatusUnprocessableEntity
}

// fresh sets the ETag of what the route is about to answer, made of the
// data version and clock (the evaluation time, "" when the answer does not
// depend on it), and reports errNotModified when the client holds it.
func (x *v1Call) fresh(clock string) error {
	v, err := x.a.DataVersion()
	if err != nil {
		return err
	}
	tag := fmt.Sprintf(`W/"%d%s"`, v, clock)
	h := x.w.Header()
	h.Set("ETag", tag)
	h.Set("Cache-Control", "private, no-cache")
	for _, t := range strings.Split(x.r.Header.Get("If-None-Match"), ",") {
		if t = strings.TrimSpace(t); t == "*" || strings.TrimPrefix(t, "W/") == strings.TrimPrefix(tag, "W/") {
			return errNotModified
		}
	}
	return nil
}

// at is the evaluation time of figures: ?at=, or now to the minute (so an
// ETag lasts a minute when the data does not change), as RFC 3339.
func (x *v1Call) at() (string, error) {
	if s := x.r.URL.Query().Get("at"); s != "" {
		t, err := app.ParseTime(s)
		if err != nil {
			return "", problemf(http.StatusBadRequest, "at: %v", err)
		}
		return t.Format(time.RFC3339Nano), nil
	}
	return x.a.Store().Now().UTC().Truncate(time.Minute).Format(time.RFC3339), nil
}

// page cuts items (sorted by key) at the cursor and the limit.
func page[T any](x *v1Call, items []T, key func(T) string) ([]T, string, error) {
	q := x.r.URL.Query()
	limit := 100
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 1000 {
			return nil, "", problemf(http.StatusBadRequest, "limit %q: give a number from 1 to 1000", clip(s, 80))
		}
		limit = n
	}
	if c := q.Get("cursor"); c != "" {
		b, err := base64.RawURLEncoding.DecodeString(c)
		if err != nil {
			return nil, "", problemf(http.StatusBadRequest, "cursor %q is not one this API gave (use next_cursor as it came)", clip(c, 80))
		}
		after := string(b)
		i, _ := slices.BinarySearchFunc(items, after, func(it T, k string) int { return strings.Compare(key(it), k) })
		for i < len(items) && key(items[i]) <= after {
			i++
		}
		items = items[i:]
	}
	if len(items) <= limit {
		return items, "", nil
	}
	items = items[:limit]
	next := base64.RawURLEncoding.EncodeToString([]byte(key(items[limit-1])))
	u := *x.r.URL
	v := u.Query()
	v.Set("cursor", next)
	u.RawQuery = v.Encode()
	x.w.Header().Add("Link", fmt.Sprintf(`<%s>; rel="next"`, u.RequestURI()))
	return items, next, nil
}

func (x *v1Call) slts() ([]app.SLTSummary, error) {
	ov, err := x.a.Workspace.Overview()
	if err != nil {
		return nil, err
	}
	var all []app.SLTSummary
	for _, svc := range ov.Services {
		all = append(all, svc.SLTs...)
	}
	slices.SortFunc(all, func(a, b app.SLTSummary) int { return strings.Compare(a.Name, b.Name) })
	return all, nil
}

func listSLTs(x *v1Call) (any, error) {
	if err := x.fresh(""); err != nil {
		return nil, err
	}
	all, err := x.slts()
	if err != nil {
		return nil, err
	}
	items, next, err := page(x, all, func(s app.SLTSummary) string { return s.Name })
	return SLTList{Items: nonNil(items), NextCursor: next}, err
}

func sltReport(x *v1Call) (any, error) {
	name := x.r.PathValue("name")
	at, err := x.at()
	if err != nil {
		return nil, err
	}
	if err := x.fresh("@" + at); err != nil {
		return nil, err
	}
	all, err := x.slts()
	if err != nil {
		return nil, err
	}
	if !slices.ContainsFunc(all, func(s app.SLTSummary) bool { return s.Name == name }) {
		return nil, problemf(http.StatusNotFound, "no SLT is named %s (GET /api/v1/slts lists them)", clip(name, 80))
	}
	period := x.r.URL.Query().Get("period")
	return x.a.Compliance.Report(app.ReportQuery{SLT: name, Period: period, At: at, Recent: period == ""})
}

func listBreaches(x *v1Call) (any, error) {
	at, err := x.at()
	if err != nil {
		return nil, err
	}
	if err := x.fresh("@" + at); err != nil {
		return nil, err
	}
	since := x.r.URL.Query().Get("since")
	log, err := x.a.Compliance.Breaches(app.BreachQuery{Since: since, At: at})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(log.Breaches, func(a, b app.Breach) int { return strings.Compare(a.ID, b.ID) })
	items, next, err := page(x, log.Breaches, func(b app.Breach) string { return b.ID })
	return BreachList{At: log.At, Since: since, Items: nonNil(items), NextCursor: next}, err
}

func getBatch(x *v1Call) (any, error) {
	id, err := strconv.ParseUint(x.r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, problemf(http.StatusBadRequest, "batch %q: a batch is named by its number", clip(x.r.PathValue("id"), 80))
	}
	if err := x.fresh(""); err != nil {
		return nil, err
	}
	return x.a.Imports.Batch(id)
}

func listActions(x *v1Call) (any, error) {
	q := x.r.URL.Query()
	f := app.ActionQuery{Status: q.Get("status"), Owner: q.Get("owner"), SLT: q.Get("slt"), Service: q.Get("service"),
		Supplier: q.Get("supplier"), RCA: q.Get("rca")}
	if s := q.Get("overdue"); s != "" {
		var err error
		if f.Overdue, err = strconv.ParseBool(s); err != nil {
			return nil, problemf(http.StatusBadRequest, "overdue %q: give true or false", clip(s, 80))
		}
	}
	// Overdue is judged on today's date: the answer holds for the minute.
	if err := x.fresh("@" + x.a.Store().Now().UTC().Truncate(time.Minute).Format(time.RFC3339)); err != nil {
		return nil, err
	}
	all, err := x.a.Actions.List(f)
	if err != nil {
		return nil, problemf(http.StatusBadRequest, "%v", err)
	}
	slices.SortFunc(all, func(a, b app.ActionItem) int { return strings.Compare(a.ID, b.ID) })
	items, next, err := page(x, all, func(a app.ActionItem) string { return a.ID })
	return ActionList{Items: nonNil(items), NextCursor: next}, err
}

func listPredictions(x *v1Call) (any, error) {
	at, err := x.at()
	if err != nil {
		return nil, err
	}
	if err := x.fresh("@" + at); err != nil {
		return nil, err
	}
	return x.a.Foresight.Predict(app.PredictQuery{SLT: x.r.URL.Query().Get("slt"), At: at})
}

func feedCalibration(x *v1Call) (any, error) {
	q := x.r.URL.Query()
	for _, k := range []string{"from", "to"} {
		if v := q.Get(k); v != "" {
			if _, err := app.ParseTime(v); err != nil {
				return nil, problemf(http.StatusBadRequest, "%s: %v", k, err)
			}
		}
	}
	// without an end the span runs to now: the answer holds for the minute
	clock := q.Get("to")
	if clock == "" {
		clock = x.a.Store().Now().UTC().Truncate(time.Minute).Format(time.RFC3339)
	}
	if err := x.fresh("@" + q.Get("from") + "/" + clock); err != nil {
		return nil, err
	}
	return x.a.Foresight.Calibrate(app.CalibrateQuery{Feed: x.r.PathValue("name"), From: q.Get("from"), To: q.Get("to")})
}

// batchBodyTime bounds how long a file may take to arrive; a body that
// stops arriving is still dropped after the stall timeout.
const batchBodyTime = 30 * time.Minute

func postBatch(x *v1Call) (any, error) {
	feed := x.r.PathValue("name")
	q := x.r.URL.Query()
	size := x.r.ContentLength
	switch {
	case size < 0:
		return nil, problemf(http.StatusLengthRequired, "send the file with a Content-Length (curl --data-binary @FILE does)")
	case size == 0:
		return nil, problemf(http.StatusBadRequest, "the request body is the file to import; it is empty")
	case size > app.MaxUploadSize:
		return nil, problemf(http.StatusRequestEntityTooLarge, "the file is %d bytes; a batch sent over the API may be at most %d bytes (512 MiB) — import bigger files with `slate import FILE --feed %s`", size, app.MaxUploadSize, clip(feed, 80))
	}
	dry := false
	if s := q.Get("dry_run"); s != "" {
		var err error
		if dry, err = strconv.ParseBool(s); err != nil {
			return nil, problemf(http.StatusBadRequest, "dry_run %q: give true or false", clip(s, 80))
		}
	}
	// Refuse a feed the caller may not use before a byte of the file is read.
	feeds, err := x.a.Imports.Feeds()
	if err != nil {
		return nil, err
	}
	if !slices.ContainsFunc(feeds, func(f app.FeedInfo) bool { return f.Name == feed }) {
		return nil, problemf(http.StatusNotFound, "%v %s", app.ErrNoFeed, clip(feed, 80))
	}
	rc := http.NewResponseController(x.w)
	body := &stallReader{r: http.MaxBytesReader(x.w, x.r.Body, size), rc: rc, stall: x.srv.stall, end: time.Now().Add(batchBodyTime)}
	id, err := receive(x.a, fileName(x.r, q.Get("file")), size, body)
	if err != nil {
		return nil, err
	}
	rc.SetWriteDeadline(time.Now().Add(writeTimeout))
	res, err := x.a.Imports.Import(app.ImportRequest{Upload: id, Feed: feed, Sheet: q.Get("sheet"), DryRun: dry, OnConflict: q.Get("on_conflict")})
	if res.Batch == 0 {
		x.a.Imports.DiscardUpload(id)
	}
	switch {
	case err != nil:
		return nil, err
	case res.Refused:
		return nil, &problemError{status: http.StatusUnprocessableEntity, detail: res.RefusedReason, result: &res}
	case res.Batch != 0:
		x.w.Header().Set("Location", fmt.Sprintf("/api/v1/batches/%d", res.Batch))
	}
	return res, nil
}

// receive streams a request body into the caller's uploads, chunk by chunk,
// under the limits of every upload.
func receive(a *app.App, name string, size int64, body io.Reader) (string, error) {
	buf := make([]byte, min(size, app.MaxUploadChunk))
	id := ""
	for off := int64(0); off < size; {
		n, err := io.ReadFull(body, buf[:min(int64(len(buf)), size-off)])
		if err != nil {
			if id != "" {
				a.Imports.DiscardUpload(id)
			}
			var tooBig *http.MaxBytesError
			switch {
			case errors.As(err, &tooBig):
				return "", problemf(http.StatusRequestEntityTooLarge, "the body is longer than its Content-Length")
			case errors.Is(err, os.ErrDeadlineExceeded):
				return "", problemf(http.StatusRequestTimeout, "the file stopped arriving")
			}
			return "", problemf(http.StatusBadRequest, "reading the file: %v", err)
		}
		u, err := a.Imports.Upload(app.UploadChunk{ID: id, Name: name, Size: size, Offset: off, Data: buf[:n]})
		if err != nil {
			if id != "" {
				a.Imports.DiscardUpload(id)
			}
			return "", problemf(http.StatusRequestEntityTooLarge, "%v", err)
		}
		id, off = u.ID, off+int64(n)
	}
	return id, nil
}

// fileName is the name the batch records: ?file=, the Content-Disposition
// filename, or upload.csv / upload.xlsx by Content-Type (else the content decides).
func fileName(r *http.Request, file string) string {
	if file != "" {
		return file
	}
	if _, p, err := mime.ParseMediaType(r.Header.Get("Content-Disposition")); err == nil && p["filename"] != "" {
		return p["filename"]
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "text/csv", "text/plain":
		return "upload.csv"
	case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
		return "upload.xlsx"
	}
	return "upload"
}

type callerKey struct{}

func withCaller(ctx context.Context, c app.Caller) context.Context {
	return context.WithValue(ctx, callerKey{}, c)
}

func callerOf(ctx context.Context) app.Caller {
	c, _ := ctx.Value(callerKey{}).(app.Caller)
	return c
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
