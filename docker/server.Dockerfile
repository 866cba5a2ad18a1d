# Pulse's server. BASE is any Java 17 runtime image; offline, the one build-base-image.sh makes.
# Runs as the unprivileged user pulse; healthy once /health answers 200 (the streams are RUNNING).
ARG BASE=pulse-base:bookworm
FROM ${BASE}
RUN useradd --uid 10001 --no-create-home --home-dir /app --shell /usr/sbin/nologin pulse \
    && mkdir -p /data && chown pulse:pulse /data
WORKDIR /app
COPY pulse-server.jar /app/pulse-server.jar
ENV PULSE_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
USER pulse
# No curl in a minimal image: bash's /dev/tcp asks for /health and checks the status line.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["bash", "-c", \
    "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-jar", "/app/pulse-server.jar"]
