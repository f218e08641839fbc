# One image per service: docker build --build-arg SERVICE=task-service .  (after ./mvnw -DskipTests package)
FROM eclipse-temurin:21-jre
ARG SERVICE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /app dondoc && mkdir -p /var/lib/dondoc && chown dondoc /var/lib/dondoc
WORKDIR /app
COPY services/${SERVICE}/target/${SERVICE}-*-exec.jar app.jar
USER dondoc
ENV TZ=Asia/Ho_Chi_Minh
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
