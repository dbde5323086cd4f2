//go:build desktop

package main

import (
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
	if err := app.RunDesktop(frontend.Assets(), a); err != nil {
		fmt.Fprintln(os.Stderr, "slate:", err)
		return 1
	}
	return 0
}
