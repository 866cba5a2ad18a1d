# One Kafka node (KRaft: broker and controller), Kafka's own classes run by pulse-broker's BrokerMain.
# Configure with KAFKA_* variables (KAFKA_NODE_ID, KAFKA_CONTROLLER_QUORUM_VOTERS, KAFKA_CLUSTER_ID, ...).
ARG BASE=pulse-base:bookworm
FROM ${BASE}
WORKDIR /app
COPY pulse-broker.jar /app/pulse-broker.jar
COPY broker-logback.xml /app/logback.xml
VOLUME /data
EXPOSE 9092 9093
ENTRYPOINT ["java", "-Xmx512m", "-Dlogback.configurationFile=/app/logback.xml", "-jar", "/app/pulse-broker.jar"]
