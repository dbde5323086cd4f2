// Package serve is `slate serve`: the Slate UI and a JSON API over the same app
// services the desktop window binds. Every API call needs a bearer token and
// runs as the token's user (app.App.As), so the audit trail names whoever the
// token belongs to; internal/access/access.go says which role may call which method.
package serve

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"strings"
	"time"
	"unicode"

	"slate/app"
)

// Options configure a server.
type Options struct {
	// Token is the one-person admin token (`--token`); it acts as the OS user
	// who started the server, with role admin. Empty: only users' tokens work.
	Token string
	// PublicURL is the address people use when it is not the bind address
	// (a reverse proxy, a host name): its host is accepted in the Host header
	// and its origin in the Origin header.
	PublicURL string
	// Assets is the built UI (index.html at the root); nil serves a short notice.
	Assets fs.FS
	// StallTimeout drops a request body that sends nothing for this long
	// (default 15 s).
	StallTimeout time.Duration
}

// Time limits of the HTTP server: a client that holds a connection without
// sending is dropped, however slowly it trickles.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 2 * time.Minute // the whole request, body included
	writeTimeout      = 10 * time.Minute
	idleTimeout       = time.Minute
	maxHeaderBytes    = 64 << 10
	defaultStall      = 15 * time.Second
	// maxMessage bounds an error message in a response: a message never
	// carries a large argument back.
	maxMessage = 16 << 10
)

// MinTokenBits is the entropy a token needs when the server is reachable from other machines.
const MinTokenBits = 128

// ErrTokenRequired refuses a non-loopback bind without a token or users.
var ErrTokenRequired = errors.New("binding to a non-loopback address needs an explicit --token (at least 128 bits, e.g. `openssl rand -hex 16`) or users (`slate user add`)")

// ErrWeakToken refuses a guessable token on a non-loopback bind.
var ErrWeakToken = errors.New("token too weak for a server others can reach")

// Server is the HTTP face of the app services.
type Server struct {
	app     *app.App
	token   string
	admin   app.Caller
	methods map[string]method
	assets  fs.FS
	public  *url.URL
	cop     *http.CrossOriginProtection
	stall   time.Duration
	// v1 serves the resource routes of /api/v1 (v1.go).
	v1 http.Handler
	// port is the port the server listens on (set by Listen).
	port string
}

type method struct {
	service int // index in App.Bindings
	fn      reflect.Method
	rule    app.Rule
}

var errType = reflect.TypeOf((*error)(nil)).Elem()

// New builds a server over a's services: each exported method is reachable
// as POST /api/<Service>/<Method> with a JSON array of arguments. It refuses
// to build when a method has no access rule (internal/access/access.go), so no method is
// ever served unguarded.
func New(a *app.App, o Options) (*Server, error) {
	s := &Server{app: a, token: o.Token, admin: app.Caller{Name: a.Caller().Name, Role: app.RoleAdmin},
		methods: map[string]method{}, assets: o.Assets, cop: http.NewCrossOriginProtection(), stall: o.StallTimeout}
	if s.stall <= 0 {
		s.stall = defaultStall
	}
	if o.PublicURL != "" {
		u, err := url.Parse(o.PublicURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("--public-url %q: write the address people open, e.g. https://slate.example.com", o.PublicURL)
		}
		s.public = u
		if err := s.cop.AddTrustedOrigin(u.Scheme + "://" + u.Host); err != nil {
			return nil, err
		}
	}
	var missing []string
	for i, svc := range a.Bindings() {
		t := reflect.TypeOf(svc)
		name := t.Elem().Name()
		for j := 0; j < t.NumMethod(); j++ {
			m := t.Method(j)
			if !jsonCallable(m.Type) {
				continue // takes a context, func or channel: Go-only (e.g. Jobs.Wait)
			}
			path := name + "/" + m.Name
			rule, ok := app.AccessRule(path)
			if !ok {
				missing = append(missing, path)
				continue
			}
			s.methods[path] = method{service: i, fn: m, rule: rule}
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("API methods without an access rule in internal/access/access.go: %s", strings.Join(missing, ", "))
	}
	v1, err := s.v1Handler()
	if err != nil {
		return nil, err
	}
	s.v1 = v1
	return s, nil
}

// Loopback reports whether addr only accepts connections from this machine.
func Loopback(addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, fmt.Errorf("address %q: %w", addr, err)
	}
	if host == "localhost" {
		return true, nil
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback(), nil
}

// CheckAddr refuses a non-loopback address without users or a token, and a
// token with less than MinTokenBits of entropy there.
func CheckAddr(addr, token string, haveUsers bool) error {
	local, err := Loopback(addr)
	if err != nil || local {
		return err
	}
	if token == "" && !haveUsers {
		return fmt.Errorf("%s: %w", addr, ErrTokenRequired)
	}
	if token != "" {
		if bits := TokenBits(token); bits < MinTokenBits {
			return fmt.Errorf("%s: the token has about %.0f bits of entropy, at least %d are needed (make one with `openssl rand -hex 16`, or give people their own tokens with `slate user add`): %w",
				addr, bits, MinTokenBits, ErrWeakToken)
		}
	}
	return nil
}

// TokenBits estimates a token's entropy from its length and the kinds of
// characters it uses, and counts repeated characters once: a fair upper
// bound for a random token, and low for a word or a pattern.
func TokenBits(token string) float64 {
	var lower, upper, digit, other, hexOnly = false, false, false, false, true
	distinct := map[rune]bool{}
	n := 0
	for _, r := range token {
		n++
		distinct[r] = true
		switch {
		case unicode.IsLower(r):
			lower = true
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsDigit(r):
			digit = true
		default:
			other = true
		}
		if !strings.ContainsRune("0123456789abcdef", unicode.ToLower(r)) {
			hexOnly = false
		}
	}
	alphabet := 0
	switch {
	case hexOnly:
		alphabet = 16
	default:
		for _, c := range []struct {
			on bool
			n  int
		}{{lower, 26}, {upper, 26}, {digit, 10}, {other, 33}} {
			if c.on {
				alphabet += c.n
			}
		}
	}
	if alphabet < 2 || len(distinct) < 2 {
		return 0
	}
	// A random token of n characters uses about A·(1-(1-1/A)^n) distinct
	// ones; one that uses far fewer repeats a pattern: count only those.
	expected := float64(alphabet) * (1 - math.Pow(1-1/float64(alphabet), float64(n)))
	if d := float64(len(distinct)); d < expected/2 {
		alphabet = len(distinct)
	}
	return float64(n) * math.Log2(float64(alphabet))
}

// Methods lists the API's method paths ("Workspace/Overview"), for documentation.
func (s *Server) Methods() map[string]reflect.Method {
	out := map[string]reflect.Method{}
	for k, m := range s.methods {
		out[k] = m.fn
	}
	return out
}

// ServeHTTP routes /api/ to the services and everything else to the UI.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	if !s.hostAllowed(r.Host) {
		msg := fmt.Sprintf("this Slate server does not answer to the name %s; open it by its address, or start it with --public-url", clip(r.Host, 200))
		if strings.HasPrefix(r.URL.Path, "/api/v1/") {
			writeProblem(w, r, Problem{Status: http.StatusMisdirectedRequest, Detail: msg})
		} else {
			writeJSON(w, http.StatusMisdirectedRequest, apiError{msg})
		}
		return
	}
	if strings.HasPrefix(r.URL.Path, "/api/v1/") {
		h.Set("Cache-Control", "no-store") // reads with an ETag say private, no-cache
		s.v1.ServeHTTP(w, r)
		return
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		h.Set("Cache-Control", "no-store")
		s.api(w, r)
		return
	}
	if s.assets == nil {
		http.Error(w, "the Slate UI was not built into this binary (run `make app` or `npm run build` in frontend/ first); the API is at /api/", http.StatusNotFound)
		return
	}
	h.Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; frame-ancestors 'none'")
	http.FileServerFS(s.assets).ServeHTTP(w, r)
}

// hostAllowed accepts the Host header of a request made to this server by
// its address (an IP literal or localhost, on the port it listens on) or by
// its --public-url. Any other name is refused, so a web page whose domain
// was pointed at this machine (DNS rebinding) cannot reach the API.
func (s *Server) hostAllowed(hostport string) bool {
	if s.public != nil && strings.EqualFold(hostport, s.public.Host) {
		return true
	}
	host, port, err := net.SplitHostPort(hostport)
	if err != nil {
		host, port = hostport, "80"
	}
	if s.port != "" && port != s.port {
		return false
	}
	return strings.EqualFold(host, "localhost") || net.ParseIP(host) != nil
}

type apiError struct {
	Error string `json:"error"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // JSON, never HTML: "<=" stays "<="
	enc.Encode(v)
}

// clip cuts a message to max bytes (on a rune boundary).
func clip(msg string, max int) string {
	if len(msg) <= max {
		return msg
	}
	cut := max
	for cut > 0 && !utf8Start(msg[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (%d more bytes)", msg[:cut], len(msg)-cut)
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

func fail(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, apiError{clip(msg, maxMessage)})
}

// caller finds who the bearer token belongs to: the admin token, or a user's.
func (s *Server) caller(r *http.Request) (app.Caller, bool, error) {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || got == "" {
		return app.Caller{}, false, nil
	}
	if s.token != "" && subtle.ConstantTimeCompare([]byte(got), []byte(s.token)) == 1 {
		return s.admin, true, nil
	}
	return s.app.Authenticate(got)
}

func (s *Server) api(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		fail(w, http.StatusMethodNotAllowed, "use POST with a JSON array of arguments")
		return
	}
	if err := s.cop.Check(r); err != nil {
		fail(w, http.StatusForbidden, "cross-origin calls are refused: use Slate from its own address")
		return
	}
	c, ok, err := s.caller(r)
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer realm="slate"`)
		fail(w, http.StatusUnauthorized, "missing or wrong token: send Authorization: Bearer <token> (printed by slate serve, or made by slate user add)")
		return
	}
	name := strings.TrimPrefix(r.URL.Path, "/api/")
	m, ok := s.methods[name]
	if !ok {
		fail(w, http.StatusNotFound, "no such API method "+clip(r.URL.Path, 200))
		return
	}
	if !c.May(name) {
		fail(w, http.StatusForbidden, fmt.Sprintf("%s (role %s) may not call %s: it needs the right %q (see docs/security.md)", c.Name, c.Role, name, m.rule.Right))
		return
	}
	if r.ContentLength > m.rule.MaxBody {
		w.Header().Set("Connection", "close")
		fail(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("%s takes at most %d bytes of arguments", name, m.rule.MaxBody))
		return
	}
	body := &stallReader{r: http.MaxBytesReader(w, r.Body, m.rule.MaxBody), rc: http.NewResponseController(w),
		stall: s.stall, end: time.Now().Add(readTimeout)}
	args, err := decodeArgs(m.fn.Type, body)
	if err != nil {
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			fail(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("%s takes at most %d bytes of arguments", name, m.rule.MaxBody))
		case errors.Is(err, os.ErrDeadlineExceeded):
			w.Header().Set("Connection", "close")
			fail(w, http.StatusRequestTimeout, "the request body stopped arriving")
		default:
			fail(w, http.StatusBadRequest, err.Error())
		}
		return
	}
	// The request's context: a client that goes away stops its computation.
	recv := reflect.ValueOf(s.app.As(c).WithContext(r.Context()).Bindings()[m.service])
	out := m.fn.Func.Call(append([]reflect.Value{recv}, args...))
	if n := len(out); n > 0 && out[n-1].Type() == errType {
		if e := out[n-1].Interface(); e != nil {
			fail(w, http.StatusUnprocessableEntity, e.(error).Error())
			return
		}
		out = out[:n-1]
	}
	if len(out) == 0 {
		writeJSON(w, http.StatusOK, nil)
		return
	}
	writeJSON(w, http.StatusOK, out[0].Interface())
}

// stallReader drops a body that sends nothing for stall, and any body still
// arriving at end.
type stallReader struct {
	r     io.Reader
	rc    *http.ResponseController
	stall time.Duration
	end   time.Time
}

func (s *stallReader) Read(p []byte) (int, error) {
	d := time.Now().Add(s.stall)
	if d.After(s.end) {
		d = s.end
	}
	s.rc.SetReadDeadline(d)
	return s.r.Read(p)
}

// decodeArgs streams a JSON array into the method's parameter types (after
// the receiver): arguments are decoded one by one as they arrive, and a
// field the method does not know is an error, not silently dropped.
func decodeArgs(ft reflect.Type, body io.Reader) ([]reflect.Value, error) {
	want := ft.NumIn() - 1
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	wrong := func(got string) error { return fmt.Errorf("this method takes %d argument(s), got %s", want, got) }
	tok, err := dec.Token()
	if err == io.EOF {
		if want == 0 {
			return nil, nil
		}
		return nil, wrong("none")
	}
	if err != nil {
		return nil, notArray(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, errors.New("the body must be a JSON array of arguments")
	}
	args := make([]reflect.Value, 0, want)
	for dec.More() {
		if len(args) == want {
			return nil, wrong("more")
		}
		p := reflect.New(ft.In(len(args) + 1))
		if err := dec.Decode(p.Interface()); err != nil {
			if isRead(err) {
				return nil, err
			}
			return nil, fmt.Errorf("argument %d: %v", len(args)+1, err)
		}
		args = append(args, p.Elem())
	}
	if len(args) != want {
		return nil, wrong(fmt.Sprint(len(args)))
	}
	if _, err := dec.Token(); err != nil { // the closing ]
		return nil, notArray(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		if err != nil && isRead(err) {
			return nil, err
		}
		return nil, errors.New("the body must hold one JSON array of arguments and nothing after it")
	}
	return args, nil
}

// isRead reports an error of reading the body (too large, too slow), as
// opposed to its content.
func isRead(err error) bool {
	var tooBig *http.MaxBytesError
	return errors.As(err, &tooBig) || errors.Is(err, os.ErrDeadlineExceeded)
}

func notArray(err error) error {
	if isRead(err) {
		return err
	}
	return fmt.Errorf("the body must be a JSON array of arguments: %v", err)
}

// Listen opens the listening socket; the Host header must then name its port.
func (s *Server) Listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	_, s.port, _ = net.SplitHostPort(ln.Addr().String())
	return ln, nil
}

// URL is where to open the UI: the public URL, else the listening address.
func (s *Server) URL(ln net.Listener) string {
	if s.public != nil {
		return strings.TrimSuffix(s.public.String(), "/") + "/"
	}
	return "http://" + ln.Addr().String() + "/"
}

// Serve serves on ln until ctx ends.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{Handler: s, ReadHeaderTimeout: readHeaderTimeout, ReadTimeout: readTimeout,
		WriteTimeout: writeTimeout, IdleTimeout: idleTimeout, MaxHeaderBytes: maxHeaderBytes}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		hs.Shutdown(sctx)
	}()
	if err := hs.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Link is the address a person opens with token: the token rides in the
// fragment, which the browser never sends to a server (the UI moves it to
// session storage).
func (s *Server) Link(ln net.Listener, token string) string {
	return s.URL(ln) + "#token=" + url.QueryEscape(token)
}
