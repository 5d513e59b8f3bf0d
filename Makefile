# scorecard: build, test and benchmark.
#
#   make test    install what the tests need, then vet and run every test
#   make bench   run the benchmarks (speed and memory, against raw DuckDB)
#   make demo    run the whole job on a synthetic council
#   make build   build bin/scorecard

GO ?= go
PKGS := ./...

.PHONY: test test-deps vet bench demo build clean

test: test-deps vet
	$(GO) test -count=1 -timeout 40m $(PKGS)

# Everything the tests need beyond Go and gcc is installed here, so that a
# fresh machine and CI run the same suite.
test-deps:
	@scripts/test-deps.sh

vet:
	@unformatted="$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"; \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet $(PKGS)

bench:
	$(GO) test -run '^$$' -bench . -benchmem -count=1 -timeout 60m $(PKGS)

demo:
	$(GO) run ./cmd/scorecard demo

build:
	$(GO) build -o bin/scorecard ./cmd/scorecard

clean:
	rm -rf bin scorecard-demo
