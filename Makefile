# dangjian — build, run and check.
#
#   make run      install what is missing, build, open the GUI on a demo database
#   make test     install what is missing, then gofmt, go vet, staticcheck,
#                 go test -race, and the Windows cross-compile
#   make build    ./dangjian
#   make windows  dist/windows/dangjian.exe (cgo with MinGW)
#   make bench    benchmarks of every package
#   make bench-import  Excel import of large sheets against sqlite3's CSV .import
#   make bench-sync    snapshot sync benchmarks against a local MinIO server
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

WINDOWS_EXE := dist/windows/dangjian.exe

# $(call section,'title') prints a section header; the title must not
# contain a comma.
section = @printf '\n==> %s\n' $(1)

.PHONY: all deps build run test fmt-check vet staticcheck minio-tools gotest windows bench bench-import bench-sync clean

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
	@$(MAKE) --no-print-directory windows
	@printf '\n==> make test: all checks passed\n'

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
	$(GO) test -race -count=1 ./...

windows: deps
	$(call section,'cross-compile $(WINDOWS_EXE) for windows/amd64 with MinGW')
	@mkdir -p $(dir $(WINDOWS_EXE))
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		$(GO) build -buildvcs=false -o $(WINDOWS_EXE) .

bench: deps minio-tools
	$(call section,'go test -bench=. -benchmem ./...')
	$(GO) test -run='^$$' -bench=. -benchmem ./...

bench-import: deps
	$(call section,'import benchmark against sqlite3 .import')
	bash scripts/bench-import.sh

bench-sync: deps minio-tools
	$(call section,'snapshot sync benchmarks against MinIO')
	bash scripts/bench-sync.sh

clean:
	rm -rf dangjian dangjian.exe dist bin
