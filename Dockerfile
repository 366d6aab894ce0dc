# The jit-elevate GitHub Action's image, built from source so that any ref works: the runner builds this
# file from the repository's tarball for `uses: <owner>/jit-elevate@<branch or sha>` and `uses: ./`, where
# no target/ exists. Releases reference a prebuilt image by digest instead (docs/releasing.md).
#
# Stage 1 (build): the shaded jar, built with the repository's Maven wrapper on a JDK 17 image. The poms go
#   in first and a build of the empty modules resolves every dependency and plugin into its own layer, so a
#   change to the sources does not download the Maven repository again.
# Stage 2: a JRE 25 base plus the production jar (no emulator: demo's jit-elevate-demo.jar stays out), the
#   build's launcher (action-runner/src/main/launcher/jit-elevate, JVM flags), two entrypoint scripts and the
#   JVM's cache of the main step's classes, made at build time. The jar targets Java 17 and runs on any later
#   runtime; the image takes JDK 25 for its AOT cache, which JDK 17 has no equivalent of (BENCHMARKS.md).
#   BASE_IMAGE may still be a JRE 17 (e.g. eclipse-temurin:17-jre): the image then gets a static AppCDS archive.
#
#   docker build -t jit-elevate .                       # on Docker Hub's eclipse-temurin images
#   podman build --build-arg BUILD_IMAGE=localhost/jit-elevate-build:bookworm-jdk17 \
#                --build-arg BASE_IMAGE=localhost/jit-elevate-base:trixie-jre25 -t jit-elevate .
# The second form needs no registry but Maven Central (scripts/build-base-image.sh [--jdk] makes both bases
# from Debian's packages). No USER directive: GitHub runs container actions as the image's default user
# (root); the action hands what it writes in the workspace to the workspace's owner.

ARG BUILD_IMAGE=docker.io/library/eclipse-temurin:17-jdk
ARG BASE_IMAGE=docker.io/library/eclipse-temurin:25-jre

# The jar is the same on every platform: build it on the builder's own (no emulation for linux/arm64).
FROM --platform=$BUILDPLATFORM ${BUILD_IMAGE} AS build
WORKDIR /src
ENV MAVEN_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY emulator/pom.xml emulator/pom.xml
COPY core/pom.xml core/pom.xml
COPY graph/pom.xml graph/pom.xml
COPY pim-config/pom.xml pim-config/pom.xml
COPY audit/pom.xml audit/pom.xml
COPY action-runner/pom.xml action-runner/pom.xml
# Modules the image does not build, for the reactor to read (-pl below builds only what the jar needs).
COPY bom/pom.xml bom/pom.xml
COPY examples/pom.xml examples/pom.xml
COPY examples/java-library/pom.xml examples/java-library/pom.xml
COPY bench/pom.xml bench/pom.xml
# The launcher script, which action-runner's package phase copies beside the jar even without sources.
COPY action-runner/src/main/launcher action-runner/src/main/launcher
# The dependency layer: packaging the modules without sources resolves what the real build needs.
RUN ./mvnw -B -ntp -q -pl action-runner -am package -DskipTests \
 && rm -rf emulator/target core/target graph/target pim-config/target audit/target action-runner/target
COPY emulator/src emulator/src
COPY core/src core/src
COPY graph/src graph/src
COPY pim-config/src pim-config/src
COPY audit/src audit/src
COPY action-runner/src action-runner/src
RUN ./mvnw -B -ntp -q -pl action-runner -am package -DskipTests \
 && test -s action-runner/target/jit-elevate.jar && test -x action-runner/target/jit-elevate

FROM ${BASE_IMAGE}

LABEL org.opencontainers.image.title="jit-elevate" \
      org.opencontainers.image.description="Just-in-time privileges on Microsoft Entra ID and Azure (PIM) for GitHub Actions"

COPY scripts/container/jit-elevate-action scripts/container/jit-elevate-action-post scripts/container/cds-training \
     /usr/local/bin/
COPY --from=build /src/action-runner/target/jit-elevate.jar /src/action-runner/target/jit-elevate /opt/jit-elevate/

# The archive: a training run (the main step up to its first network call, offline, scripts/container/cds-training)
# shows the JVM what the main step loads, and the launcher uses what it leaves beside the jar. It is only valid
# for this exact jar and JVM, which is why it is made here and not shipped.
# Which one is the JVM's own answer (does it have JEP 514's -XX:AOTCacheOutput?), not its version parsed again
# beside the launcher's reading of the release file.
#   - JDK 25+ (the default base): an AOT cache (JEP 483/514, -XX:AOTCacheOutput), the classes loaded and
#     linked ahead of time, lambdas and constant pools resolved: the main step reaches its first request in
#     about 0.85x the time it takes with JDK 17's archive (BENCHMARKS.md). -XX:AOTMode=on makes the build fail
#     if the JVM cannot use it.
#   - JDK 17 (BASE_IMAGE=...:17-jre): the classes it loaded and the JDK's default class list in one static
#     archive (-Xshare:dump). Static rather than dynamic (-XX:ArchiveClassesAtExit) because JDK 17's dynamic
#     archive cannot hold old class files (picocli's are Java 5), which every start would then parse and verify
#     again. -Xshare:on makes the build fail if the JVM cannot map it.
RUN chmod 0755 /opt/jit-elevate/jit-elevate /usr/local/bin/jit-elevate-action /usr/local/bin/jit-elevate-action-post \
      /usr/local/bin/cds-training \
 && ln -s /opt/jit-elevate/jit-elevate /usr/local/bin/jit-elevate \
 && if java -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput '; then \
      JIT_ELEVATE_CDS=off JIT_ELEVATE_JAVA_OPTS="-XX:AOTCacheOutput=/opt/jit-elevate/jit-elevate.aot -Xlog:aot=off" \
        /usr/local/bin/cds-training \
      && test -s /opt/jit-elevate/jit-elevate.aot \
      && JIT_ELEVATE_JAVA_OPTS=-XX:AOTMode=on /usr/local/bin/jit-elevate --help >/dev/null; \
    else \
      JIT_ELEVATE_CDS=off JIT_ELEVATE_JAVA_OPTS="-XX:DumpLoadedClassList=/tmp/jit-elevate.classlist" \
        /usr/local/bin/cds-training \
      && cat "$JAVA_HOME/lib/classlist" >>/tmp/jit-elevate.classlist \
      && java -Xshare:dump -XX:SharedClassListFile=/tmp/jit-elevate.classlist \
        -XX:SharedArchiveFile=/opt/jit-elevate/jit-elevate.jsa -XX:+UseSerialGC -Xlog:cds=off \
        -cp /opt/jit-elevate/jit-elevate.jar >/dev/null \
      && rm /tmp/jit-elevate.classlist \
      && JIT_ELEVATE_JAVA_OPTS=-Xshare:on /usr/local/bin/jit-elevate --help >/dev/null; \
    fi \
 && /usr/local/bin/jit-elevate --version

ENTRYPOINT ["/usr/local/bin/jit-elevate-action"]
