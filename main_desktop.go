//go:build desktop

package main

import (
	"context"
	"fmt"
	"os"

	"slate/app"
	"slate/frontend"
)

const hasWindow = true

// runWindow opens the default workspace (or SLATE_DB) in the desktop window.
func runWindow() int {
	a, err := app.Open(os.Getenv("SLATE_DB"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "slate:", err)
		return 1
	}
	defer a.Close()
	// The improvement loop's background work runs while the window is open
	// and has ended before the database closes.
	ctx, cancel := context.WithCancel(context.Background())
	loopDone := make(chan struct{})
	go func() {
		defer close(loopDone)
		a.RunLoop(ctx, func(err error) { fmt.Fprintln(os.Stderr, "slate:", err) })
	}()
	err = app.RunDesktop(frontend.Assets(), a)
	cancel()
	<-loopDone
	if err != nil {
		fmt.Fprintln(os.Stderr, "slate:", err)
		return 1
	}
	return 0
}
