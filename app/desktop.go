//go:build desktop

package app

import (
	"context"
	"io/fs"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
)

// windowCtx is the Wails context of the open window, set at start-up, for the
// runtime calls later features need (file dialogs for imports, save dialogs for
// exports). It is nil in the headless build and before the window starts.
var windowCtx context.Context

// RunDesktop opens the Wails window on the built UI (assets has index.html at
// its root) with a's services bound, and blocks until the window closes.
// The window is the only place Wails is used; see docs/frontend.md.
func RunDesktop(assets fs.FS, a *App) error {
	return wails.Run(&options.App{
		Title:     "Slate",
		Width:     1280,
		Height:    800,
		MinWidth:  1024,
		MinHeight: 700,
		AssetServer: &assetserver.Options{
			Assets: assets,
		},
		// Matches --bg in the light theme so there is no flash before the UI paints.
		BackgroundColour: &options.RGBA{R: 246, G: 247, B: 249, A: 255},
		Bind:             append(a.Bindings(), &Dialogs{app: a}), // Dialogs: native file dialogs, window only
		OnStartup: func(ctx context.Context) {
			windowCtx = ctx
		},
		Linux: &linux.Options{
			ProgramName: "slate",
		},
	})
}
