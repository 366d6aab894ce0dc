# The jit-elevate GitHub Action's image: a JRE 17 base plus the shaded jar, three small launchers and an
# application class-data-sharing (AppCDS) archive made at build time.
#
# The jar is built by Maven BEFORE the image (no Maven inside the image):
#   ./mvnw -B -ntp package -DskipTests
#   docker build -t jit-elevate .                       # on Docker Hub's eclipse-temurin base
#   podman build --build-arg BASE_IMAGE=localhost/jit-elevate-base:bookworm-jre17 -t jit-elevate .
# The second form needs no registry at all (scripts/build-base-image.sh makes that base from Debian's
# packages). No USER directive: GitHub runs container actions as the image's default user (root) and
# mounts the workspace for that user.

ARG BASE_IMAGE=docker.io/library/eclipse-temurin:17-jre
FROM ${BASE_IMAGE}

LABEL org.opencontainers.image.title="jit-elevate" \
      org.opencontainers.image.description="Just-in-time privileges on Microsoft Entra ID and Azure (PIM) for GitHub Actions"

COPY scripts/container/jit-elevate scripts/container/jit-elevate-action scripts/container/jit-elevate-action-post \
     scripts/container/cds-training /usr/local/bin/
COPY action-runner/target/jit-elevate.jar /opt/jit-elevate/jit-elevate.jar

# The training run (the main step up to its first network call, offline) writes the dynamic archive on
# exit; the launcher uses it from then on. The archive is only valid for this exact jar and JVM, which is
# why it is made here and not shipped.
RUN chmod 0755 /usr/local/bin/jit-elevate /usr/local/bin/jit-elevate-action /usr/local/bin/jit-elevate-action-post \
      /usr/local/bin/cds-training \
 && JIT_ELEVATE_CDS=off JIT_ELEVATE_JAVA_OPTS="-XX:ArchiveClassesAtExit=/opt/jit-elevate/jit-elevate.jsa -Xlog:cds=off -Xlog:cds+dynamic=off" \
      /usr/local/bin/cds-training \
 && test -s /opt/jit-elevate/jit-elevate.jsa \
 && /usr/local/bin/jit-elevate --version

ENTRYPOINT ["/usr/local/bin/jit-elevate-action"]
