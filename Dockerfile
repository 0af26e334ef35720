# Builds and runs the ledger; used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/ledger ledger && mkdir -p /var/lib/ledger && chown ledger /var/lib/ledger
COPY --from=build /src/app/target/smartcity-ledger.jar /opt/ledger/smartcity-ledger.jar
USER ledger
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/ledger/smartcity-ledger.jar"]
