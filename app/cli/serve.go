package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"slate/app/serve"
	"slate/frontend"
)

func init() {
	register(command{name: "serve", args: "[--addr 127.0.0.1:8420] [--token T]", summary: "serve the Slate UI and its JSON API over HTTP (token-protected)", run: runServe})
}

func runServe(e *env, args []string) error {
	fs_ := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs_.String("addr", "127.0.0.1:8420", "listen address")
	token := fs_.String("token", os.Getenv("SLATE_TOKEN"), "API token (generated when empty; required off loopback)")
	if pos, err := parse(fs_, args); err != nil {
		return err
	} else if len(pos) > 0 {
		return usageError("unexpected %q", pos[0])
	}
	if err := serve.CheckAddr(*addr, *token != ""); err != nil {
		return err
	}
	var assets fs.FS
	if frontend.Built() {
		assets = frontend.Assets()
	}
	srv, err := serve.New(e.app.Bindings(), serve.Options{Token: *token, Assets: assets})
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err = srv.ListenAndServe(ctx, *addr, func(url string) {
		fmt.Fprintf(e.stdout, "Slate is serving %s\nopen %s\n", e.app.Store().Path(), url)
	})
	return busyPortHint(err, *addr)
}

// busyPortHint turns "address already in use" into what to do about it.
func busyPortHint(err error, addr string) error {
	if !errors.Is(err, syscall.EADDRINUSE) {
		return err
	}
	host, port, _ := net.SplitHostPort(addr)
	next := "8421"
	if p, perr := strconv.Atoi(port); perr == nil && p > 0 && p < 65535 {
		next = strconv.Itoa(p + 1)
	}
	return fmt.Errorf("%s is already in use (another `slate serve`, or another program): stop it, or serve on another port with --addr %s",
		addr, net.JoinHostPort(host, next))
}
