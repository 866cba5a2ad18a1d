# One Kafka node (KRaft: broker and controller), Kafka's own classes run by pulse-broker's BrokerMain.
# Configure with KAFKA_* variables (KAFKA_NODE_ID, KAFKA_CONTROLLER_QUORUM_VOTERS, KAFKA_CLUSTER_ID, ...);
# its heap with KAFKA_HEAP_OPTS (default -Xmx512m). Runs as the unprivileged user kafka; healthy once it
# accepts connections on 9092.
ARG BASE=pulse-base:bookworm
FROM ${BASE}
RUN useradd --uid 10002 --no-create-home --home-dir /app --shell /usr/sbin/nologin kafka \
    && mkdir -p /data && chown kafka:kafka /data
WORKDIR /app
COPY pulse-broker.jar /app/pulse-broker.jar
COPY broker-logback.xml /app/logback.xml
# A class-data archive of what a node loads to start, made by starting one single-node cluster here
# (its log in a folder thrown away), as the server's image does: a JVM maps those classes instead of
# reading and verifying them again.
RUN KAFKA_LOG_DIRS=/tmp/training bash -c ' \
      java -XX:ArchiveClassesAtExit=/app/pulse-broker.jsa -Dlogback.configurationFile=/app/logback.xml \
          -jar /app/pulse-broker.jar > /tmp/training.log 2>&1 & pid=$!; \
      for i in $(seq 1 120); do grep -q "Kafka node 1 started" /tmp/training.log && break; sleep 1; done; \
      kill -TERM $pid; wait $pid; \
      test -s /app/pulse-broker.jsa || { tail -30 /tmp/training.log; exit 1; }' \
    && rm -rf /tmp/training /tmp/training.log && chmod 644 /app/pulse-broker.jsa
ENV KAFKA_HEAP_OPTS="-Xmx512m"
VOLUME /data
EXPOSE 9092 9093
USER kafka
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9092"]
ENTRYPOINT ["sh", "-c", "exec java $KAFKA_HEAP_OPTS -XX:SharedArchiveFile=/app/pulse-broker.jsa -Dlogback.configurationFile=/app/logback.xml -jar /app/pulse-broker.jar"]
