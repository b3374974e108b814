# dangjian — build, run and check.
#
#   make run      install what is missing, build, open the GUI on a demo database
#   make test     install what is missing, then gofmt, go vet, staticcheck,
#                 go test -race, the PDF library's vet and tests
#                 (third_party/fpdf), the Windows build, its code signing,
#                 and its smoke test under wine
#   make check    quick rounds: gofmt, go vet, staticcheck and go test -race
#                 with DANGJIAN_MINIO_BIN_DIR unset, so that the tests that
#                 need a MinIO server skip, and third_party/fpdf's vet and
#                 tests
#   make build    ./dangjian
#   make windows  dist/windows/dangjian.exe and the installer
#                 dist/windows/dangjian-setup.exe (fyne package, cgo with
#                 MinGW, NSIS); signed when DANGJIAN_SIGN_PFX names a
#                 certificate (see scripts/windows-sign.sh)
#   make test-signing  sign copies of those with a throw-away certificate and
#                 verify them (after make windows)
#   make wine-smoke    install, run (command line and GUI) and uninstall the
#                 Windows build under wine on Xvfb
#   make bench    benchmarks of every package
#   make bench-import  Excel import of large sheets against sqlite3's CSV .import
#   make bench-sync    snapshot sync benchmarks against a local MinIO server
#   make bench-consolidate  consolidation of 60 organizations against a sqlite3 script, and after one push
#   make minio-tools   build once into bin/ the MinIO server and mc the tests run
#   make clean    remove build outputs and the project-local tools in bin/

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build

# Go from the official tarball lives in /usr/local/go/bin, which a
# non-login shell (CI) may not have on PATH.
export PATH := $(PATH):/usr/local/go/bin

GO ?= go

# The demo database opened by `make run`; a shell expression, expanded when
# the recipe runs. Override with `make run DEMO_DB=/path/to/file.db`.
DEMO_DB ?= $${XDG_DATA_HOME:-$$HOME/.local/share}/dangjian/demo.db

# staticcheck is installed once into the project's bin/ (git-ignored), in a
# folder named after its version, so that changing the version reinstalls it.
STATICCHECK_VERSION := v0.8.2
STATICCHECK_DIR := $(CURDIR)/bin/staticcheck-$(STATICCHECK_VERSION)
STATICCHECK := $(STATICCHECK_DIR)/staticcheck

# The MinIO server and mc client that the integration tests start, as
# separate processes on 127.0.0.1: scripts/minio-tools.sh pins their versions
# and installs them once into bin/minio-tools-<versions>/ (git-ignored); the
# tests find that folder through DANGJIAN_MINIO_BIN_DIR.
MINIO_TOOLS_DIR := $(shell bash scripts/minio-tools.sh --dir)
export DANGJIAN_MINIO_BIN_DIR := $(MINIO_TOOLS_DIR)

# The Windows program and its installer. scripts/windows/package.sh runs
# `fyne package -os windows` (fyne.io/tools, installed once into bin/ by
# scripts/fyne-tools.sh) into $(WINDOWS_BUILD), replacing its files only
# when their content changed; the signed (or plain) copy and the installer
# are then rebuilt only when their inputs changed, so a second make windows
# takes a few seconds. $(WINDOWS_SIGNING) records which certificate signs
# (scripts/windows-sign.sh --stamp), so that a new one re-signs.
WINDOWS_DIR := dist/windows
WINDOWS_BUILD := $(WINDOWS_DIR)/build
WINDOWS_EXE := $(WINDOWS_DIR)/dangjian.exe
WINDOWS_SETUP := $(WINDOWS_DIR)/dangjian-setup.exe
WINDOWS_SIGNING := $(WINDOWS_BUILD)/signing
# The version shown by the installer and in Windows' list of programs, from
# FyneApp.toml (fyne package reads it there for the program itself).
APP_VERSION := $(shell sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml)
APP_BUILD := $(shell sed -n 's/^[[:space:]]*Build[[:space:]]*=[[:space:]]*\([0-9]*\).*/\1/p' FyneApp.toml)
WINDOWS_PUBLISHER ?= dangjian

# $(call section,'title') prints a section header; the title must not
# contain a comma.
section = @printf '\n==> %s\n' $(1)

.PHONY: all deps build run test check fmt-check vet staticcheck minio-tools gotest fpdf-test windows test-signing wine-smoke bench bench-import bench-report bench-sync bench-consolidate clean

all: build

deps:
	@bash scripts/deps.sh

build: deps
	$(call section,'go build -> ./dangjian')
	$(GO) build -buildvcs=false -o dangjian .

run: build
	@db="$(DEMO_DB)"; \
	mkdir -p "$$(dirname "$$db")"; \
	if [ ! -e "$$db" ]; then \
		printf '\n==> creating the demo database %s\n' "$$db"; \
		./dangjian demo --db "$$db" || { rm -f "$$db" "$$db-wal" "$$db-shm"; exit 1; }; \
	fi; \
	printf '\n==> opening %s\n' "$$db"; \
	./dangjian --db "$$db"

test: deps
	@$(MAKE) --no-print-directory fmt-check
	@$(MAKE) --no-print-directory vet
	@$(MAKE) --no-print-directory staticcheck
	@$(MAKE) --no-print-directory gotest
	@$(MAKE) --no-print-directory fpdf-test
	@$(MAKE) --no-print-directory windows
	@$(MAKE) --no-print-directory test-signing
	@$(MAKE) --no-print-directory wine-smoke
	@printf '\n==> make test: all checks passed\n'

# The checks of make test without the Windows build and the MinIO server:
# DANGJIAN_MINIO_BIN_DIR is unset for go test, so that the tests that need
# the server skip (a package whose TestMain is miniotest.RunIfConfigured
# says so once, shown with go test -v) and every other test runs.
check: deps
	@$(MAKE) --no-print-directory fmt-check
	@$(MAKE) --no-print-directory vet
	@$(MAKE) --no-print-directory staticcheck
	$(call section,'go test -race ./... without the MinIO integration tests')
	env -u DANGJIAN_MINIO_BIN_DIR $(GO) test -race -timeout 30m ./...
	@$(MAKE) --no-print-directory fpdf-test
	@printf '\n==> make check: all checks passed (make test also runs the MinIO integration tests)\n'

fmt-check:
	$(call section,'gofmt -l')
	@files="$$(gofmt -l .)"; \
	if [ -n "$$files" ]; then \
		echo 'these files are not gofmt-formatted (run gofmt -w on them):'; \
		echo "$$files"; \
		exit 1; \
	fi; \
	echo 'ok'

vet:
	$(call section,'go vet ./...')
	$(GO) vet ./...

$(STATICCHECK):
	$(call section,'installing staticcheck $(STATICCHECK_VERSION) into bin/')
	GOBIN="$(STATICCHECK_DIR)" $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

staticcheck: $(STATICCHECK)
	$(call section,'staticcheck ./...')
	$(STATICCHECK) ./...

minio-tools:
	@bash scripts/minio-tools.sh >/dev/null

gotest: minio-tools
	$(call section,'go test -race -count=1 ./...')
	$(GO) test -race -count=1 -timeout 30m ./...

# The PDF library kept in third_party/fpdf is a module of its own, which
# ./... of the main module leaves out.
# FPDF_TEST_REQUIRE=1: a test that would skip (no poppler-utils to read the
# PDF back, no face) fails instead; -v lists each test as it runs.
fpdf-test:
	$(call section,'third_party/fpdf: go vet ./... and go test -v ./... (no test skips)')
	cd third_party/fpdf && $(GO) vet ./... && FPDF_TEST_REQUIRE=1 $(GO) test -v ./...

windows: deps
	$(call section,'fyne package -os windows (cgo with MinGW) -> $(WINDOWS_BUILD)/')
	@GO="$(GO)" bash scripts/windows/package.sh $(WINDOWS_BUILD)
	@bash scripts/windows-sign.sh --stamp $(WINDOWS_SIGNING)
	@$(MAKE) --no-print-directory -s $(WINDOWS_SETUP)
	@bash scripts/windows-sign.sh --enabled || \
		echo 'make windows: not signed (DANGJIAN_SIGN_PFX is not set; see scripts/windows-sign.sh)'
	@ls -lU $(WINDOWS_EXE) $(WINDOWS_SETUP) | awk '{ printf "%s  %.1f MB\n", $$NF, $$5 / 1e6 }'

# The program, signed when a certificate is configured.
$(WINDOWS_EXE): $(WINDOWS_BUILD)/dangjian.exe $(WINDOWS_SIGNING)
	$(call section,'$@ from $<')
	@cp $< $@.tmp
	@if bash scripts/windows-sign.sh --enabled; then bash scripts/windows-sign.sh $@.tmp; fi
	@mv -f $@.tmp $@

# The installer (NSIS); makensis signs the uninstaller as it writes it, when
# a certificate is configured.
$(WINDOWS_SETUP): $(WINDOWS_EXE) $(WINDOWS_BUILD)/dangjian.ico $(WINDOWS_BUILD)/welcome.bmp $(WINDOWS_SIGNING) \
		scripts/windows/installer.nsi FyneApp.toml \
		$(wildcard assets/fonts/*.txt) assets/fonts/README.md
	$(call section,'makensis scripts/windows/installer.nsi -> $@ ($(APP_VERSION))')
	@sign=(); \
	if bash scripts/windows-sign.sh --enabled; then \
		sign=(-DSIGN_UNINSTALLER='bash "$(CURDIR)/scripts/windows-sign.sh" "%1"'); \
	fi; \
	makensis -V2 -INPUTCHARSET UTF8 \
		-DVERSION=$(APP_VERSION) -DBUILD=$(APP_BUILD) -DPUBLISHER="$(WINDOWS_PUBLISHER)" \
		-DEXE="$(CURDIR)/$(WINDOWS_EXE)" -DICON="$(CURDIR)/$(WINDOWS_BUILD)/dangjian.ico" \
		-DWELCOME="$(CURDIR)/$(WINDOWS_BUILD)/welcome.bmp" \
		-DASSETS="$(CURDIR)/assets" -DOUTFILE="$(CURDIR)/$@.tmp" "$${sign[@]}" \
		scripts/windows/installer.nsi
	@if bash scripts/windows-sign.sh --enabled; then bash scripts/windows-sign.sh $@.tmp; fi
	@mv -f $@.tmp $@

# The Windows build under wine on Xvfb: silent install, command line, GUI,
# silent uninstall (scripts/wine-smoke.sh installs wine when missing).
wine-smoke: windows
	$(call section,'the Windows build under wine (scripts/wine-smoke.sh)')
	@bash scripts/wine-smoke.sh $(WINDOWS_SETUP)

test-signing: deps
	$(call section,'code signing with a throw-away certificate (scripts/test-signing.sh)')
	@bash scripts/test-signing.sh $(WINDOWS_DIR)

bench: deps minio-tools
	$(call section,'go test -bench=. -benchmem ./...')
	$(GO) test -run='^$$' -bench=. -benchmem ./...

bench-import: deps
	$(call section,'import benchmark against sqlite3 .import')
	bash scripts/bench-import.sh

bench-report: deps
	$(call section,'printed documents against LibreOffice (roster; appraisal and agreement forms)')
	bash scripts/bench-report.sh

bench-sync: deps minio-tools
	$(call section,'snapshot sync benchmarks against MinIO')
	bash scripts/bench-sync.sh

bench-consolidate: deps minio-tools
	$(call section,'consolidation benchmarks against a sqlite3 script')
	bash scripts/bench-consolidate.sh

clean:
	rm -rf dangjian dangjian.exe dist bin
