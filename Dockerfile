# Builds the ledger with the Maven wrapper and runs its executable jar; used by docker-compose.yml.
# ContainerImageIT (./mvnw verify) runs this file's jar, command and healthcheck where no Docker engine is.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# The wrapper and the poms alone first: the dependencies and plugins become a layer of their own, fetched again only
# when a pom changes (a build of the poms without sources resolves all of them).
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY api/pom.xml api/
COPY eventstore/pom.xml eventstore/
COPY ledger/pom.xml ledger/
COPY projections/pom.xml projections/
COPY app/pom.xml app/
COPY benchmark/pom.xml benchmark/
RUN ./mvnw -B -ntp -q -DskipTests -Dspring-boot.repackage.skip verify
COPY . .
RUN ./mvnw -B -ntp -q -DskipTests -pl app -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/ledger ledger \
    && mkdir -p /var/lib/ledger && chown ledger /var/lib/ledger
# The executable jar (the plain smartcity-ledger.jar beside it has no Main-Class).
COPY --from=build /src/app/target/smartcity-ledger-exec.jar /opt/ledger/smartcity-ledger.jar
ENV LEDGER_DATA_DIR=/var/lib/ledger
WORKDIR /var/lib/ledger
USER 10001
EXPOSE 8080
# Bash's /dev/tcp, because the JRE image need not have curl; healthy when /actuator/health answers UP.
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-8080} && printf 'GET /actuator/health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
ENTRYPOINT ["java", "-jar", "/opt/ledger/smartcity-ledger.jar"]
