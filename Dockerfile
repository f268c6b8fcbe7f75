# The kmob API image; Neo4j runs in its own container (see docker-compose.yml).
FROM python:3.11-slim AS app
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph graph
COPY schema schema
COPY nlp nlp
COPY server server
COPY data data
# Editable, so the app finds its data, assets and var/ under /app as it does in a clone.
RUN pip install --no-cache-dir -e . && kmob assets build
RUN useradd --create-home kmob && chown -R kmob /app
USER kmob
EXPOSE 8000
CMD ["kmob", "serve"]
