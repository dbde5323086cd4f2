// Package serve is `slate serve`: the Slate UI and a JSON API over the same app
// services the desktop window binds. Every API call needs the bearer token.
package serve

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"time"
)

// Options configure a server.
type Options struct {
	Addr  string // default 127.0.0.1:8420
	Token string // generated when empty (only allowed on loopback)
	// Assets is the built UI (index.html at the root); nil serves a short notice.
	Assets fs.FS
}

// ErrTokenRequired refuses a non-loopback bind without an explicit token.
var ErrTokenRequired = errors.New("binding to a non-loopback address needs an explicit --token")

// Server is the HTTP face of the app services.
type Server struct {
	Token   string
	methods map[string]method
	assets  fs.FS
}

type method struct {
	recv reflect.Value
	fn   reflect.Method
}

var errType = reflect.TypeOf((*error)(nil)).Elem()

// New builds a server over services (pointers to structs); each exported method
// is reachable as POST /api/<Type>/<Method> with a JSON array of arguments.
func New(services []any, o Options) (*Server, error) {
	if o.Token == "" {
		b := make([]byte, 24)
		if _, err := rand.Read(b); err != nil {
			return nil, err
		}
		o.Token = hex.EncodeToString(b)
	}
	s := &Server{Token: o.Token, methods: map[string]method{}, assets: o.Assets}
	for _, svc := range services {
		v := reflect.ValueOf(svc)
		t := v.Type()
		name := t.Elem().Name()
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			if !jsonCallable(m.Type) {
				continue // takes a context, func or channel: Go-only (e.g. Jobs.Wait)
			}
			s.methods[name+"/"+m.Name] = method{v, m}
		}
	}
	return s, nil
}

// CheckAddr refuses a non-loopback address when no token was given.
func CheckAddr(addr string, explicitToken bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("address %q: %w", addr, err)
	}
	if explicitToken {
		return nil
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("%s: %w", addr, ErrTokenRequired)
	}
	return nil
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
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if strings.HasPrefix(r.URL.Path, "/api/") {
		s.api(w, r)
		return
	}
	if s.assets == nil {
		http.Error(w, "the Slate UI was not built into this binary (run `make app` or `npm run build` in frontend/ first); the API is at /api/", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:")
	http.FileServerFS(s.assets).ServeHTTP(w, r)
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

func (s *Server) authorized(r *http.Request) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(got), []byte(s.Token)) == 1
}

func (s *Server) api(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="slate"`)
		writeJSON(w, http.StatusUnauthorized, apiError{"missing or wrong token: send Authorization: Bearer <token> (printed by slate serve)"})
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		writeJSON(w, http.StatusMethodNotAllowed, apiError{"use POST with a JSON array of arguments"})
		return
	}
	m, ok := s.methods[strings.TrimPrefix(r.URL.Path, "/api/")]
	if !ok {
		writeJSON(w, http.StatusNotFound, apiError{"no such API method " + r.URL.Path})
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 512<<20))
	if err != nil {
		writeJSON(w, http.StatusRequestEntityTooLarge, apiError{err.Error()})
		return
	}
	args, err := decodeArgs(m.fn.Type, body)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, apiError{err.Error()})
		return
	}
	out := m.fn.Func.Call(append([]reflect.Value{m.recv}, args...))
	if n := len(out); n > 0 && out[n-1].Type() == errType {
		if e := out[n-1].Interface(); e != nil {
			writeJSON(w, http.StatusUnprocessableEntity, apiError{e.(error).Error()})
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

// decodeArgs reads a JSON array into the method's parameter types (after the receiver).
func decodeArgs(ft reflect.Type, body []byte) ([]reflect.Value, error) {
	want := ft.NumIn() - 1
	var raw []json.RawMessage
	if len(strings.TrimSpace(string(body))) > 0 {
		if err := json.Unmarshal(body, &raw); err != nil {
			return nil, fmt.Errorf("the body must be a JSON array of arguments: %v", err)
		}
	}
	if len(raw) != want {
		return nil, fmt.Errorf("this method takes %d argument(s), got %d", want, len(raw))
	}
	args := make([]reflect.Value, want)
	for i := range want {
		p := reflect.New(ft.In(i + 1))
		if err := json.Unmarshal(raw[i], p.Interface()); err != nil {
			return nil, fmt.Errorf("argument %d: %v", i+1, err)
		}
		args[i] = p.Elem()
	}
	return args, nil
}

// ListenAndServe serves until ctx ends.
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready func(url string)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		hs.Shutdown(sctx)
	}()
	if ready != nil {
		ready(browserURL(ln.Addr().String(), s.Token))
	}
	if err := hs.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// browserURL is the link a person opens: the token rides in the fragment,
// which the browser never sends to a server (the UI moves it to session storage).
func browserURL(addr, token string) string {
	return fmt.Sprintf("http://%s/#token=%s", addr, url.QueryEscape(token))
}
