//go:build !desktop

package main

// hasWindow is false in the headless build: no arguments prints help.
const hasWindow = false

func runWindow() int { return 0 }
