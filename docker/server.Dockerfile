# Pulse's server. BASE is any Java 17 runtime image; offline, the one build-base-image.sh makes.
ARG BASE=pulse-base:bookworm
FROM ${BASE}
WORKDIR /app
COPY pulse-server.jar /app/pulse-server.jar
ENV PULSE_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-jar", "/app/pulse-server.jar"]
