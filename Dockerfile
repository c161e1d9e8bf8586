# Build stage: Maven with a JDK 17 (Eclipse Temurin images carry a current tzdata: Asia/Almaty is UTC+5)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY config config
RUN mvn -B -ntp -q -DskipTests package

# Runtime stage: JRE only, non-root, SQLite on a volume
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home /app qazdigest && mkdir -p /data /app && chown qazdigest /data
WORKDIR /app
COPY --from=build /src/target/qazdigest.jar /app/qazdigest.jar
COPY config /app/config
ENV QAZDIGEST_DB=/data/qazdigest.db
VOLUME ["/data"]
USER qazdigest
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/qazdigest.jar"]
CMD ["run"]
