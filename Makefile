# iobench: build, test and run the benchmark and its servers.
# `make` (or `make help`) lists the targets. Pass program arguments with ARGS="...".

# Flags for every JVM that runs iobench (bench and servers). Each one is accepted by Java 21 and 25:
#   --enable-native-access=ALL-UNNAMED
#       progressbar's terminal library (jline-native) loads a native library with System.load;
#       Java 24+ prints "WARNING: A restricted method in java.lang.System has been called" unless
#       native access is enabled. The jar's manifest (Enable-Native-Access: ALL-UNNAMED) already
#       covers `java -jar` on Java 22+; the flag keeps it explicit and also covers classpath
#       launches. The option exists since Java 17, so Java 21 starts with it.
#   -Dio.netty.noUnsafe=true
#       Netty 4.1 (inside Helidon 3) calls sun.misc.Unsafe::allocateMemory, which Java 24+ reports
#       with a four-line "terminally deprecated method in sun.misc.Unsafe" warning. With this
#       property Netty does not use Unsafe at all. (--sun-misc-unsafe-memory-access=allow would
#       also silence it, but Java 21 refuses to start with that unknown option.)
#       Trade-off: Netty then prefers heap buffers and skips its Unsafe fast paths.
#   No heap or collector flags: -Xms16m -Xmx192m -XX:+UseSerialGC were tried and measured
#       (docs/performance.md, "Memory"): they halve bench's peak RSS but cost 15-20 % of the
#       throughput of the busiest scenarios in the full bench (sustained-50, clients-200), so the
#       JVM's defaults stay.
JVM_FLAGS ?= --enable-native-access=ALL-UNNAMED -Dio.netty.noUnsafe=true

# Program arguments for bench and serve-*, e.g. make serve-sync ARGS="--port 8081".
ARGS ?=

.DEFAULT_GOAL := help
SHELL := /bin/bash

# The JDK (21+), found once. help, clean and the container targets need none.
NO_JDK_GOALS := help clean uninstall docker-build docker-run compose-up compose-down compose-bench compose-distributed \
                lint-packaging k8s-distributed k8s-distributed-render
ifneq ($(filter-out $(NO_JDK_GOALS),$(or $(MAKECMDGOALS),help)),)
JAVA_HOME := $(shell scripts/find-jdk.sh)
ifeq ($(JAVA_HOME),)
$(error no JDK 21+ to use (see the line above); install one or set JAVA_HOME)
endif
endif
export JAVA_HOME
JAVA := $(JAVA_HOME)/bin/java

# Always the project's Maven wrapper (pinned Maven version); plain mvn only if the wrapper is gone.
MVN := $(if $(wildcard ./mvnw),./mvnw,mvn)
# Maven 3.9's own Guice calls sun.misc.Unsafe, so on Java 24+ every build starts with a
# deprecation warning. Allow it for Maven's JVM only, and only where the option exists (Java 23+).
MVN_JVM_OPTS = $(shell "$(JAVA)" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1 && echo --sun-misc-unsafe-memory-access=allow)
MVNW = MAVEN_OPTS="$(strip $(MAVEN_OPTS) $(MVN_JVM_OPTS))" $(MVN) -B -ntp

JAR := target/iobench.jar
# What the jar is made of: sources, resources, build file, shipped settings and scenarios.
# Directories are listed too, so that adding or deleting a file also triggers a rebuild.
JAR_INPUTS := $(shell find src config -type f -o -type d 2>/dev/null) pom.xml $(wildcard scenarios.yaml)

.PHONY: help build install uninstall test bench bench-quick serve-sim serve-sync serve-async serve-virtual clean \
        docker-build docker-run compose-up compose-down compose-bench compose-distributed lint-packaging \
        k8s-distributed k8s-distributed-render

help: ## List the targets (this is the default)
	@echo "Usage: make <target> [ARGS=\"...\"] [JVM_FLAGS=\"...\"]"
	@echo
	@awk 'BEGIN { FS = ":.*## " } /^[a-zA-Z0-9_.-]+:.*## / { printf "  %-24s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)
	@echo
	@echo "JVM_FLAGS default: $(JVM_FLAGS)"
	@echo "The JDK comes from scripts/find-jdk.sh (JAVA_HOME if it is 21+, else the newest one installed)."

build: $(JAR) ## Build target/iobench.jar, tests skipped (only when src/, config/, pom.xml or scenarios.yaml changed)

$(JAR): $(JAR_INPUTS)
	$(MVNW) -q package -DskipTests
	@touch $@

# --- Install: `iobench` on the PATH (bin/iobench finds the jar and a JDK 21+ itself) --------------
# PREFIX=~/.local puts the command in ~/.local/bin; a leading ~ is expanded here too.
PREFIX ?= $(HOME)/.local
PREFIX_DIR = $(patsubst ~%,$(HOME)%,$(PREFIX))
# bash-completion loads completions/iobench from .../share/bash-completion beside any bin/ on the PATH;
# zsh loads _iobench from a directory on its fpath (picocli's bash script, through bashcompinit).
BASH_COMPLETION_DIR = $(PREFIX_DIR)/share/bash-completion/completions
ZSH_COMPLETION_DIR = $(PREFIX_DIR)/share/zsh/site-functions

install: $(JAR) ## Install iobench in PREFIX (default ~/.local): bin/iobench, lib/iobench/, bash and zsh completion
	install -d "$(PREFIX_DIR)/bin" "$(PREFIX_DIR)/lib/iobench" "$(BASH_COMPLETION_DIR)" "$(ZSH_COMPLETION_DIR)"
	install -m 644 $(JAR) "$(PREFIX_DIR)/lib/iobench/iobench.jar"
	install -m 755 scripts/find-jdk.sh "$(PREFIX_DIR)/lib/iobench/find-jdk.sh"
	install -m 755 bin/iobench "$(PREFIX_DIR)/bin/iobench"
	"$(JAVA)" $(JVM_FLAGS) -jar $(JAR) generate-completion > "$(BASH_COMPLETION_DIR)/iobench"
	@printf '%s\n' '#compdef iobench' \
	  '# iobench'"'"'s completion is picocli'"'"'s bash script (iobench generate-completion); zsh runs it through bashcompinit.' \
	  'autoload -U +X bashcompinit && bashcompinit' \
	  "source '$(BASH_COMPLETION_DIR)/iobench'" \
	  '_bash_complete -F _complete_iobench -o default' > "$(ZSH_COMPLETION_DIR)/_iobench"
	@echo "Installed $(PREFIX_DIR)/bin/iobench (jar in $(PREFIX_DIR)/lib/iobench/)."
	@case ":$$PATH:" in *":$(PREFIX_DIR)/bin:"*) ;; *) echo "Add $(PREFIX_DIR)/bin to your PATH to type 'iobench'." ;; esac
	@echo "zsh: completion needs $(ZSH_COMPLETION_DIR) on fpath (in ~/.zshrc, before compinit: fpath=($(ZSH_COMPLETION_DIR) \$$fpath))."

uninstall: ## Remove what `make install` put in PREFIX (default ~/.local)
	rm -f "$(PREFIX_DIR)/bin/iobench" "$(PREFIX_DIR)/lib/iobench/iobench.jar" "$(PREFIX_DIR)/lib/iobench/find-jdk.sh" \
	  "$(BASH_COMPLETION_DIR)/iobench" "$(ZSH_COMPLETION_DIR)/_iobench"
	@rmdir "$(PREFIX_DIR)/lib/iobench" 2>/dev/null || true

test: ## Run every test (./mvnw verify: the unit tests, then the built jar's) and print the test summary; scripts/test-deps.sh first
	@scripts/test-deps.sh
	@rm -rf target/surefire-reports target/failsafe-reports; rc=0; $(MVNW) verify || rc=$$?; \
	reports=$$(ls target/surefire-reports/TEST-*.xml target/failsafe-reports/TEST-*.xml 2>/dev/null); \
	if [ -n "$$reports" ]; then \
	  awk '/<testsuite[ >]/ { n = split($$0, f, "\""); \
	         for (i = 1; i < n; i += 2) { k = f[i]; sub(/.*[ \t]/, "", k); sub(/=$$/, "", k); \
	           if (k == "tests" || k == "failures" || k == "errors" || k == "skipped") s[k] += f[i + 1] } \
	         suites++; nextfile } \
	       END { printf "Test summary: %d tests in %d classes, %d failures, %d errors, %d skipped\n", \
	             s["tests"], suites, s["failures"], s["errors"], s["skipped"] }' $$reports; \
	else echo "Test summary: no test reports in target/surefire-reports or target/failsafe-reports"; fi; \
	exit $$rc

.PHONY: soak
soak: ## Run only the soak test: 60 s of load on sync, virtual, async; threads, fds and heap must come back
	$(MVNW) test -Dtest=SoakTest

# Minutes of load per server for soak-long (sync, virtual, async one after another).
SOAK_LONG_MINUTES ?= 10
# Which servers soak-long runs, in order (comma-separated: sync,virtual,async).
SOAK_LONG_SERVERS ?= sync,virtual,async
# A fixed offered rate in req/s instead of 70 % of the measured capacity (empty: measured), to replay a run.
SOAK_LONG_RATE ?=
# Seconds between the soak's progress lines.
SOAK_LONG_PROGRESS_S ?= 30
# The soak JVM's flags. Before and after each server's load the soak forces full GCs (three per reading, once a
# second) to read the heap's level, and two of the JVM's heuristics read that as a long idle stretch:
#  -Xms400m: G1 shrank the heap to about 56 MB, and the open load's first second grew it back (young GCs every
#   20 ms, a mixed cycle), p99 of that second 190-690 ms; with this floor 75-160 ms;
#  -XX:NmethodSweepActivity=0: the GC unloaded compiled code as cold after 2-5 of them (6,414 methods, about 1,480 of
#   them C2, after sync's load), and C2 then recompiled the hot paths for 35 s under the next load (docs/testing.md).
SOAK_LONG_JVM ?= -Xms400m -XX:NmethodSweepActivity=0

.PHONY: soak-long
soak-long: ## Run only the long soak with faults (not in `make test`): 10 min per server, 30 min in all (SOAK_LONG_MINUTES=N), at 70 % of capacity (measured once warm), the sim resetting 1 % of calls and failing 1 % with 500; every 30 s window p99 <= 200 ms
	$(MVNW) test -Dtest=LongSoakTest -Diobench.test.excludedGroups= -Diobench.soaklong.minutes=$(SOAK_LONG_MINUTES) -Diobench.soaklong.servers=$(SOAK_LONG_SERVERS) -Diobench.soaklong.rate=$(SOAK_LONG_RATE) -Diobench.soaklong.progress-s=$(SOAK_LONG_PROGRESS_S) -Diobench.test.jvmFlags="$(SOAK_LONG_JVM)"

bench: $(JAR) ## Run the benchmark with the scenarios in scenarios.yaml (ARGS are passed on)
	"$(JAVA)" $(JVM_FLAGS) -jar $(JAR) bench $(ARGS)

bench-quick: $(JAR) ## Run a short benchmark with scenarios-quick.yaml
	"$(JAVA)" $(JVM_FLAGS) -jar $(JAR) bench --scenarios scenarios-quick.yaml $(ARGS)

serve-sim: $(JAR) ## Start the simulated slow downstream service
	"$(JAVA)" $(JVM_FLAGS) -jar $(JAR) serve-sim $(ARGS)

serve-sync: $(JAR) ## Start the fan-out service on a bounded thread pool
	"$(JAVA)" $(JVM_FLAGS) -jar $(JAR) serve-sync $(ARGS)

serve-async: $(JAR) ## Start the fan-out service with async (non-blocking) IO
	"$(JAVA)" $(JVM_FLAGS) -jar $(JAR) serve-async $(ARGS)

serve-virtual: $(JAR) ## Start the fan-out service on virtual threads
	"$(JAVA)" $(JVM_FLAGS) -jar $(JAR) serve-virtual $(ARGS)

# Containers (Dockerfile, docker-compose.yml; deploy/kubernetes for a cluster). The image's
# ENTRYPOINT uses the same flags as JVM_FLAGS (DockerfileTest checks that they stay equal).
IMAGE ?= iobench
# The reports on the bind mount belong to you, not to the image's user 10001.
DOCKER_USER := $(shell id -u 2>/dev/null):$(shell id -g 2>/dev/null)
# The compose targets need the Compose v2 plugin (`docker compose`); say so instead of docker's "unknown flag".
NEED_COMPOSE = @docker compose version >/dev/null 2>&1 || { echo "$@: needs Docker Compose v2 ('docker compose'), which is not installed here" >&2; exit 1; }

docker-build: ## Build the container image iobench (JDK 21 builds, JRE 21 runs)
	docker build -t $(IMAGE) .

docker-run: ## Run the image: the whole benchmark by default, report in reports/<timestamp>/ (ARGS: a command)
	@mkdir -p reports
	docker run --rm --user "$(DOCKER_USER)" -v "$(CURDIR)/reports:/reports" $(IMAGE) $(ARGS)

compose-up: ## Start sim, sync, async and virtual as containers (docker compose), ports 8001-8004 on 127.0.0.1
	$(NEED_COMPOSE)
	docker compose up -d --build sim sync async virtual

compose-bench: ## Run the benchmark container against the compose servers; report in reports/compose/
	$(NEED_COMPOSE)
	@mkdir -p reports
	IOBENCH_UID=$(shell id -u) IOBENCH_GID=$(shell id -g) docker compose run --rm bench

compose-down: ## Stop and remove the compose containers
	$(NEED_COMPOSE)
	docker compose --profile bench --profile distributed down

# --- Load from several generators (docs/distributed.md) -----------------------------------------
# N generator pods on Kubernetes (compose always has 3); RUN names the run's directory, by default
# dist-<UTC time>; the load starts at START_AT (ISO-8601, UTC), by default START_IN seconds from
# now; SCENARIOS is a scenario file in the image (empty: run.env's, scenarios.yaml).
# Defaults for all of them are in deploy/kubernetes/distributed/run.env; these only override it.
N ?= 4
RUN ?=
START_AT ?=
START_IN ?= 60
SCENARIOS ?=
K8S_DIST := target/k8s-distributed
# The servers of deploy/kubernetes without its single bench Job and its claim (kubectl apply -l).
K8S_SERVERS := -k deploy/kubernetes -l 'app.kubernetes.io/component in (sim,sync,async,virtual)'
NEED_KUBECTL = @command -v kubectl >/dev/null 2>&1 || { echo "$@: needs kubectl (1.27 or newer, with its built-in kustomize), which is not installed here" >&2; exit 1; }
# Shell: the run's name and start instant (date -u: GNU's -d @secs, else BSD's -r secs).
# Each value checked first: RUN becomes a path and a ConfigMap value, START_AT a sed replacement and
# --start-at on every generator (a relative +30s would resolve anew on each pod), START_IN arithmetic.
DIST_RUN_AND_START = [[ "$(START_IN)" =~ ^[0-9]+$$ ]] || { echo "$@: START_IN must be whole seconds, like 60, not '$(START_IN)'" >&2; exit 2; }; \
	[[ -z "$(START_AT)" || "$(START_AT)" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z$$ ]] || \
	  { echo "$@: START_AT must be an absolute UTC instant like 2026-11-30T10:00:00Z, not '$(START_AT)'" >&2; exit 2; }; \
	[[ -z "$(RUN)" || ( "$(RUN)" =~ ^[A-Za-z0-9._-]+$$ && "$(RUN)" != . && "$(RUN)" != .. ) ]] || \
	  { echo "$@: RUN must be letters, digits, '.', '_' or '-' (a directory name), not '$(RUN)'" >&2; exit 2; }; \
	run="$(or $(RUN),dist-$$(date -u +%Y%m%d-%H%M%S))"; start="$(START_AT)"; \
	if [ -z "$$start" ]; then t=$$(( $$(date -u +%s) + $(START_IN) )); \
	  start=$$(date -u -d "@$$t" +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || date -u -r "$$t" +%Y-%m-%dT%H:%M:%SZ); fi
# Shell: a copy of deploy/kubernetes/distributed in $(K8S_DIST) whose run.env has N, the run's
# name and start (and SCENARIOS if given); the checked-in run.env stays as it is.
K8S_DIST_PREPARE = set -e; \
	[[ "$(N)" =~ ^[1-9][0-9]*$$ ]] || { echo "$@: N must be a whole number above 0, not '$(N)'" >&2; exit 2; }; \
	$(DIST_RUN_AND_START); \
	rm -rf $(K8S_DIST); mkdir -p $(dir $(K8S_DIST)); cp -R deploy/kubernetes/distributed $(K8S_DIST); \
	sed -i.orig -e "s|^SHARES=.*|SHARES=$(N)|" -e "s|^RUN_NAME=.*|RUN_NAME=$$run|" -e "s|^START_AT=.*|START_AT=$$start|" \
	  $(if $(SCENARIOS),-e "s|^SCENARIOS=.*|SCENARIOS=$(SCENARIOS)|") $(K8S_DIST)/run.env; \
	rm -f $(K8S_DIST)/run.env.orig

k8s-distributed-render: ## Print the manifests k8s-distributed would apply with N generators (needs kubectl; applies nothing)
	$(NEED_KUBECTL)
	@$(K8S_DIST_PREPARE); \
	echo "# First the servers: kubectl apply $(K8S_SERVERS). Then kubectl apply -k $(K8S_DIST):"; \
	kubectl kustomize $(K8S_DIST)

k8s-distributed: ## On the current kubectl context: the servers, N generator pods from one instant a minute ahead, one merged report (N=4)
	$(NEED_KUBECTL)
	@$(K8S_DIST_PREPARE); \
	echo "run $$run: $(N) generators, load from $$start (settings: $(K8S_DIST)/run.env)"; \
	kubectl apply $(K8S_SERVERS); \
	kubectl delete job iobench-generators iobench-merge --ignore-not-found; \
	kubectl apply -k $(K8S_DIST); \
	echo; \
	echo "Watch:  kubectl get pods -l app.kubernetes.io/part-of=iobench -o wide -w"; \
	echo "        kubectl logs -f job/iobench-merge      (waits for the $(N) segments, then merges)"; \
	echo "Report: /reports/$$run/merged/ on the claim iobench-segments (docs/distributed.md: reading it)"

compose-distributed: ## 3 generators on this host (compose profile distributed) from one instant, merged report in reports/<run>/merged/
	$(NEED_COMPOSE)
	@mkdir -p reports
	docker compose up -d --build sim sync async virtual
	@$(DIST_RUN_AND_START); \
	echo "run $$run: 3 generators, load from $$start; report in reports/$$run/merged/"; \
	IOBENCH_RUN="$$run" IOBENCH_START_AT="$$start" IOBENCH_UID=$(shell id -u) IOBENCH_GID=$(shell id -g) \
	  docker compose --profile distributed run --rm merge

lint-packaging: ## Lint the Dockerfile with dockerfilelint (needs npx and the npm registry; else skipped)
	@if command -v npx >/dev/null 2>&1; then \
	  echo "npx --yes dockerfilelint Dockerfile"; npx --yes dockerfilelint Dockerfile; \
	else echo "lint-packaging: skipped, npx not found (install Node.js to lint the Dockerfile)"; fi

clean: ## Delete build output (target/); keeps reports/
	rm -rf target
