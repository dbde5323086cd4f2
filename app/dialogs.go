package app

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// The desktop window's native dialogs are the Dialogs service
// (dialogs_desktop.go, desktop build only); what does not need Wails is here,
// so it builds and is tested everywhere. Dialogs is bound in the window only,
// never served: a path the person picks turns into an upload id (openPicked)
// or is written at once (writeFromUI), so the UI never hands Go a path to read.

// writeFromUI writes bytes to a path the user chose in a save dialog.
func writeFromUI(path string, data []byte) error {
	if path == "" {
		return errors.New("no file to write to")
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("%s is a folder, not a file", path)
	}
	return os.WriteFile(path, data, 0o644)
}

// folderOf is the folder to show for path: path itself when it is a folder,
// else the folder holding it.
func folderOf(path string) (string, error) {
	if path == "" {
		return "", errors.New("no file or folder to show")
	}
	st, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	if st.IsDir() {
		return path, nil
	}
	return filepath.Dir(path), nil
}

// openFolderCommand is the command that shows a folder in the system's file manager.
func openFolderCommand(goos, dir string) *exec.Cmd {
	switch goos {
	case "darwin":
		return exec.Command("open", dir)
	case "windows":
		return exec.Command("explorer", dir)
	}
	return exec.Command("xdg-open", dir)
}
