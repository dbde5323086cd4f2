package serve

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

type Greeter struct{}

type Greeting struct {
	Text string `json:"text"`
}

func (Greeter) Hello(name string, times int) (Greeting, error) {
	if name == "" {
		return Greeting{}, errors.New("name is required")
	}
	return Greeting{strings.Repeat("hello "+name+" ", times)}, nil
}

func (Greeter) Ping() error { return nil }

func TestAPI(t *testing.T) {
	assets := fstest.MapFS{"index.html": {Data: []byte("<h1>Slate</h1>")}}
	srv, err := New([]any{&Greeter{}}, Options{Token: "secret", Assets: assets})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	tests := []struct {
		name, path, token, body string
		status                  int
		want                    string
	}{
		{"no token", "/api/Greeter/Hello", "", `["ann",1]`, 401, "missing or wrong token"},
		{"wrong token", "/api/Greeter/Hello", "guess", `["ann",1]`, 401, "missing or wrong token"},
		{"call", "/api/Greeter/Hello", "secret", `["ann",2]`, 200, `{"text":"hello ann hello ann "}`},
		{"go error", "/api/Greeter/Hello", "secret", `["",1]`, 422, `{"error":"name is required"}`},
		{"wrong arity", "/api/Greeter/Hello", "secret", `["ann"]`, 400, "takes 2 argument(s), got 1"},
		{"wrong type", "/api/Greeter/Hello", "secret", `["ann","x"]`, 400, "argument 2"},
		{"no such method", "/api/Greeter/Bye", "secret", `[]`, 404, "no such API method"},
		{"error-only method", "/api/Greeter/Ping", "secret", ``, 200, "null"},
		{"ui needs no token", "/", "", "", 200, "<h1>Slate</h1>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			method := http.MethodPost
			if !strings.HasPrefix(tc.path, "/api/") {
				method = http.MethodGet
			}
			req, _ := http.NewRequest(method, ts.URL+tc.path, strings.NewReader(tc.body))
			if tc.token != "" {
				req.Header.Set("Authorization", "Bearer "+tc.token)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.status || !strings.Contains(string(b), tc.want) {
				t.Fatalf("got %d %s; want %d containing %q", resp.StatusCode, b, tc.status, tc.want)
			}
			if resp.Header.Get("Access-Control-Allow-Origin") != "" {
				t.Error("CORS header set; the API must not be readable cross-origin")
			}
		})
	}
}

func TestCheckAddr(t *testing.T) {
	tests := []struct {
		addr    string
		token   bool
		refused bool
	}{
		{"127.0.0.1:8420", false, false},
		{"localhost:8420", false, false},
		{"[::1]:8420", false, false},
		{"0.0.0.0:8420", false, true},
		{"192.0.2.10:8420", false, true},
		{"0.0.0.0:8420", true, false},
	}
	for _, tc := range tests {
		err := CheckAddr(tc.addr, tc.token)
		if (err != nil) != tc.refused || (err != nil && !errors.Is(err, ErrTokenRequired)) {
			t.Errorf("CheckAddr(%s, token=%v) = %v", tc.addr, tc.token, err)
		}
	}
}

func TestGeneratedToken(t *testing.T) {
	a, _ := New(nil, Options{})
	b, _ := New(nil, Options{})
	if len(a.Token) < 32 || a.Token == b.Token {
		t.Fatalf("tokens %q and %q", a.Token, b.Token)
	}
}
