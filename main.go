// Slate: a desktop workbench for service level targets. With arguments the
// binary is the CLI; without, the desktop build opens the window.
package main

import (
	"os"

	"slate/app/cli"
)

func main() {
	if len(os.Args) > 1 || !hasWindow {
		os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(runWindow())
}
