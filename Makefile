# Slate build entry points. `make` alone builds the headless binary.
# The desktop targets need cgo, GTK 3 and WebKitGTK 4.1 (libgtk-3-dev libwebkit2gtk-4.1-dev).

GO           ?= go
DESKTOP_TAGS ?= desktop,production,webkit2_41

.PHONY: build app frontend smoke test test-frontend bench

## build: headless binary (CLI + `slate serve`), no cgo, no WebKit
build:
	$(GO) build -o bin/slate .

## frontend: install the locked npm packages and build the UI into frontend/dist
frontend:
	cd frontend && npm ci && npm run build

## app: the window app (UI embedded) into bin/slate-desktop
app: frontend
	$(GO) build -tags $(DESKTOP_TAGS) -o bin/slate-desktop .

## smoke: build the window app, open it under Xvfb on the demo workspace, check and keep a screenshot
smoke:
	scripts/smoke-desktop.sh

## test-frontend: component and api tests (vitest, jsdom)
test-frontend:
	cd frontend && npm test

## test: every test, exactly as CI runs it (README's test command)
test:
	bash scripts/test.sh

## bench: every Go benchmark (a few runs each) and the import benchmark, printed as tables
bench:
	$(GO) test -run '^$$' -bench . -benchtime 3x -timeout 30m ./... | $(GO) run ./scripts/benchtable
	$(GO) run ./scripts/bench/importbench
