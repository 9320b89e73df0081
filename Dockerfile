# iobench in a container: one image for the benchmark and for every server.
#
#   docker build -t iobench .                                       (make docker-build)
#   mkdir -p reports                                                once, so that ./reports is yours, not root's
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD/reports:/reports" iobench
#                                                                   the whole benchmark; report in ./reports/<timestamp>/
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD/reports:/reports" iobench bench --scenarios scenarios-quick.yaml
#   docker run --rm -p 8001:8001 iobench serve-sim --host 0.0.0.0
#   docker run --rm -p 8002:8002 iobench serve-sync --host 0.0.0.0 --sim-url http://sim:8001
#
# Servers bind 127.0.0.1 unless told otherwise, so a published port needs --host 0.0.0.0.
# The process runs as user 10001 unless --user says otherwise. On Linux a bind-mounted ./reports
# belongs to you (or to root, if Docker had to create it), so bench runs as you: --user
# "$(id -u):$(id -g)", as `make docker-run` does. A report directory bench cannot write stops it
# at once, before any load, with exit code 2 and one line saying so.

# --- Build: the project's Maven wrapper on a JDK 21 --------------------------------------------
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
# The wrapper and the build file alone, then Maven and the dependencies fetched into their own
# layer: a change to src/ or config/ reuses it and downloads nothing; a change to pom.xml, .mvn
# or mvnw fetches them again. (go-offline misses a few artifacts Maven resolves only while
# building, such as the test runners' providers; the package step below fetches what is missing.)
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp dependency:go-offline
COPY config config
COPY scenarios.yaml ./
COPY src src
RUN ./mvnw -B -ntp package -DskipTests

# --- Run: a JRE 21, a non-root user ------------------------------------------------------------
FROM eclipse-temurin:21-jre
LABEL org.opencontainers.image.title="iobench" \
      org.opencontainers.image.description="Measures what async, virtual threads or a bounded thread pool do for an IO-bound service."

# /app looks like the repository's top level: the jar, both scenario files, and reports/, which
# is a link to the volume /reports. So bench's default output, reports/<yyyyMMdd-HHmmss>, lands on
# the volume, one directory per run, and `bench --scenarios scenarios-quick.yaml` works as with make.
RUN groupadd --system --gid 10001 iobench \
 && useradd --system --uid 10001 --gid iobench --no-create-home --home-dir /app --shell /usr/sbin/nologin iobench \
 && mkdir -p /app /reports \
 && chown iobench:iobench /reports \
 && ln -s /reports /app/reports
WORKDIR /app
COPY --from=build /src/target/iobench.jar /app/iobench.jar
COPY scenarios.yaml scenarios-quick.yaml /app/
COPY scripts/container-health.sh /app/healthcheck.sh
VOLUME ["/reports"]

# A serve-* command writes the port it listens on to this file; /app/healthcheck.sh reads it.
ENV IOBENCH_HEALTH_FILE=/tmp/iobench.port
EXPOSE 8001 8002 8003 8004
USER 10001:10001

# One check for every command, whatever its port, and no second JVM beside the one measured:
# /app/healthcheck.sh (bash, /dev/tcp) GETs /health on the port in $IOBENCH_HEALTH_FILE, exit 0
# on 200, else 1. A container that runs bench or check writes no such file and counts as healthy.
# No --start-period: a server listens within seconds, well inside 3 retries x 10 s (and
# dockerfilelint 1.8 misreads --start-period as an unknown option "--start").
HEALTHCHECK --interval=10s --timeout=10s --retries=3 \
  CMD ["/bin/bash", "/app/healthcheck.sh"]

# The same JVM flags as JVM_FLAGS in the Makefile (a test checks that they stay equal).
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-Dio.netty.noUnsafe=true", "-jar", "/app/iobench.jar"]
# The whole benchmark, its report in /reports/<yyyyMMdd-HHmmss>/ (through /app/reports).
CMD ["bench"]
