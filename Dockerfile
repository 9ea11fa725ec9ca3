# One image for the stack's feed service (`target`), its seeder (`seed`) and the load generator
# (`runner`): see docker-compose.yml. Build: docker build -t launchday .

# Build stage: better-sqlite3 compiles its native addon here when no prebuilt binary fits.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# `prepare` would build before the sources are copied: skip scripts, then build only the
# packages that need their install step (the SQLite addon and esbuild's binary check).
RUN npm ci --ignore-scripts --no-audit --no-fund \
  && npm rebuild better-sqlite3 esbuild
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY target ./target
RUN npm run build \
  && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# Runtime stage: the compiled program, production dependencies, and the scenarios (TypeScript
# files that launchday bundles with esbuild when it runs them).
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY scenarios ./scenarios
COPY schemas ./schemas
# Named volumes mounted here start with this ownership, so the non-root user can write them.
RUN mkdir -p /data /app/reports && chown node:node /data /app/reports
USER node
EXPOSE 8080
CMD ["node", "dist/target/main.js", "start", "--host", "0.0.0.0", "--port", "8080", "--db", "/data/feed.db"]
