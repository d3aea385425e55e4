# vgharness in a container (docs/install.md): a Java 17 runtime, valgrind, gdb, gcc and the vgharness distribution.
#   docker build -t vgharness .
#   docker run --rm --cap-add SYS_PTRACE -v "$PWD:/work" vgharness run tests/leaks.yaml --report-dir leak-reports
# The first stage builds the distribution archive from this checkout (its .git gives `vgharness --version` the
# revision); the second is the runtime image, with vgharness as its entry point.
FROM debian:bookworm-slim AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven git \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package \
 && mkdir /dist \
 && tar -xzf target/vgharness-*.tar.gz -C /dist --strip-components=1

FROM debian:bookworm-slim
# libc6-dbg: Memcheck on Debian needs the debug symbols of ld.so; gcc and libc6-dev: for the plans' build: commands.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      openjdk-17-jre-headless valgrind gdb gcc libc6-dev libc6-dbg \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /dist /opt/vgharness
RUN ln -s /opt/vgharness/bin/vgharness /usr/local/bin/vgharness \
 && mkdir -p /usr/share/bash-completion/completions /usr/local/share/man/man1 \
 && ln -s /opt/vgharness/share/bash-completion/completions/vgharness /usr/share/bash-completion/completions/vgharness \
 && ln -s /opt/vgharness/share/man/man1/vgharness.1 /usr/local/share/man/man1/vgharness.1
# A container starts afresh each time: a class-data archive made on the first run would be thrown away with it.
ENV VGHARNESS_NO_CDS=1
WORKDIR /work
ENTRYPOINT ["vgharness"]
CMD ["--help"]
