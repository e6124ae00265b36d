# 今日工作 as one container: the API and the H5 build, for WeChat Cloud Hosting (微信云托管) or any
# container platform. Several replicas may run at once against one MySQL/MariaDB/Galera/TiDB
# (docs/deploy.md): the container keeps no state of its own apart from DATA_DIR, which with
# DATABASE_URL and PHOTO_STORAGE=s3 holds nothing that must survive.
#
#   docker build -t jinri .
#   docker run -p 3000:3000 -e DATABASE_URL=mysql://… -e JWT_SECRET=… -e ENCRYPTION_KEYS=… jinri

FROM node:20-bookworm-slim AS build
# better-sqlite3 and sharp are native: a compiler in case no prebuilt binary matches.
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && npm install -g pnpm@9.15.9
WORKDIR /app
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
RUN pnpm fetch
COPY . .
RUN pnpm install --frozen-lockfile --offline \
 && pnpm build \
 && pnpm install --frozen-lockfile --offline --prod

FROM node:20-bookworm-slim
# A Chinese font for the PDF exports (or set PDF_FONT_FILE and drop this line).
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 DATA_DIR=/data TRUST_PROXY=1
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/shared/package.json ./shared/
COPY --from=build /app/shared/dist ./shared/dist
COPY --from=build /app/server/package.json ./server/
COPY --from=build /app/server/node_modules ./server/node_modules
COPY --from=build /app/server/dist ./server/dist
COPY --from=build /app/miniprogram/dist/h5 ./miniprogram/dist/h5
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
# Liveness: the process answers; the platform's readiness probe should use /api/v1/health/ready.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/v1/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node is PID 1 and handles SIGTERM itself: readiness off, in-flight requests and jobs finished.
CMD ["node", "server/dist/main.js"]
