# Pulse's server. BASE is any Java 17 runtime image; offline, the one build-base-image.sh makes.
# Runs as the unprivileged user pulse; healthy once /health answers 200 (the streams are RUNNING).
ARG BASE=pulse-base:bookworm
FROM ${BASE}
RUN useradd --uid 10001 --no-create-home --home-dir /app --shell /usr/sbin/nologin pulse \
    && mkdir -p /data && chown pulse:pulse /data
WORKDIR /app
COPY pulse-server.jar jvm.options /app/
# A class-data archive of what the server loads to start, made by starting it once here (on its own
# embedded broker, in a folder thrown away): the JVM then maps those classes instead of reading and
# verifying them again, which is most of a start on a busy machine. A JVM that cannot use the
# archive (another java) says so and starts as before.
# The training start uses the server's own JVM options, so a broken options file fails the build.
RUN PULSE_DATA_DIR=/tmp/training PULSE_ADMIN_PASSWORD=only-for-the-training-start bash -c ' \
      java -XX:ArchiveClassesAtExit=/app/pulse.jsa @/app/jvm.options -jar /app/pulse-server.jar > /tmp/training.log 2>&1 & pid=$!; \
      for i in $(seq 1 180); do \
        (exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /health HTTP/1.0\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 ") 2>/dev/null && break; \
        sleep 1; \
      done; \
      kill -TERM $pid; wait $pid; \
      test -s /app/pulse.jsa || { tail -30 /tmp/training.log; exit 1; }' \
    && rm -rf /tmp/training /tmp/training.log && chmod 644 /app/pulse.jsa
ENV PULSE_DATA_DIR=/data
# The JVM's options: the server's own file and a heap of 60% of the container's memory. Setting
# JAVA_OPTS replaces them all (the system tests run a quicker compiler and a smaller collector).
ENV JAVA_OPTS="-XX:MaxRAMPercentage=60 @/app/jvm.options"
VOLUME /data
EXPOSE 8080
USER pulse
# No curl in a minimal image: bash's /dev/tcp asks for /health and checks the status line.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["bash", "-c", \
    "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["sh", "-c", "exec java -XX:SharedArchiveFile=/app/pulse.jsa $JAVA_OPTS -jar /app/pulse-server.jar"]
