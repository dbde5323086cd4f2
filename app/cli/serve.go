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

	"slate/app"
	"slate/app/serve"
	"slate/frontend"
)

func init() {
	register(command{name: "serve", args: "[--addr 127.0.0.1:8420] [--token T] [--public-url URL]",
		summary: "serve the Slate UI and its JSON API over HTTP (each user's token, see `slate user`; --token: one admin token)", run: runServe})
}

func runServe(e *env, args []string) error {
	fs_ := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs_.String("addr", "127.0.0.1:8420", "listen address")
	token := fs_.String("token", os.Getenv("SLATE_TOKEN"), "one admin token acting as you (generated on loopback when empty; at least 128 bits off loopback)")
	public := fs_.String("public-url", "", "the address people open when it is not --addr (a reverse proxy or host name)")
	if pos, err := parse(fs_, args); err != nil {
		return err
	} else if len(pos) > 0 {
		return usageError("unexpected %q", pos[0])
	}
	users, err := e.app.HasUsers()
	if err != nil {
		return err
	}
	if err := serve.CheckAddr(*addr, *token, users); err != nil {
		return err
	}
	admin := *token
	if local, _ := serve.Loopback(*addr); admin == "" && local {
		if admin, err = app.NewToken(); err != nil {
			return err
		}
	}
	var assets fs.FS
	if frontend.Built() {
		assets = frontend.Assets()
	}
	srv, err := serve.New(e.app, serve.Options{Token: admin, PublicURL: *public, Assets: assets})
	if err != nil {
		return err
	}
	ln, err := srv.Listen(*addr)
	if err != nil {
		return busyPortHint(err, *addr)
	}
	fmt.Fprintf(e.stdout, "Slate is serving %s\n", e.app.Store().Path())
	if admin != "" {
		fmt.Fprintf(e.stdout, "open %s\n", srv.Link(ln, admin))
	} else {
		fmt.Fprintf(e.stdout, "open %s (with each user's token from `slate user add`)\n", srv.Link(ln, "YOUR_TOKEN"))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The improvement loop's background work (the root-cause rule, ITSM
	// deliveries) runs as long as the server; it has ended before the
	// database closes.
	loopDone := make(chan struct{})
	go func() {
		defer close(loopDone)
		e.app.RunLoop(ctx, func(err error) { fmt.Fprintln(e.stderr, "slate:", err) })
	}()
	err = srv.Serve(ctx, ln)
	stop()
	<-loopDone
	return err
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
