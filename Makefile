# Slate build entry points. `make` alone builds the headless binary.
# The desktop targets need cgo, GTK 3 and WebKitGTK 4.1 (libgtk-3-dev libwebkit2gtk-4.1-dev).

GO           ?= go
DESKTOP_TAGS ?= desktop,production,webkit2_41

.PHONY: build app frontend openapi smoke test test-frontend bench licences release release-test

## build: headless binary (CLI + `slate serve`), no cgo, no WebKit
build:
	$(GO) build -o bin/slate .

## frontend: install the locked npm packages and build the UI into frontend/dist
frontend:
	cd frontend && npm ci && npm run build

## openapi: docs/openapi.json from the Go DTOs, services and /api/v1 routes, then the UI's wire types from it (tests fail while either is stale)
openapi:
	$(GO) generate ./app/serve
	cd frontend && npm run gen:api

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

## bench: every Go benchmark (a few runs each), the import benchmark, and issue 17's figures as
## ratios to the bare-parse floor of ../shared/bench (10M rows, 20 clients on `slate serve`), as tables
bench:
	$(GO) test -run '^$$' -bench . -benchtime 3x -timeout 30m ./... | $(GO) run ./scripts/benchtable
	$(GO) run ./scripts/bench/importbench
	$(GO) run ./scripts/bench/perf

## licences: rewrite docs/licences.md after a dependency changes (CI checks it is current)
licences:
	$(GO) run ./scripts/licences -write docs/licences.md

## release: every release artefact of this commit into dist/ (deb, Windows installer and zip, tar.gz, SBOMs, SHA256SUMS)
release:
	bash scripts/release.sh

## release-test: install the .deb, run it, remove it; check the Windows files and run slate.exe under Wine (root; runs `make release` first if dist/ is empty)
release-test:
	bash scripts/release-test.sh
