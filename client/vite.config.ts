import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The API runs on its own port in development (tsx watch server/main.ts); Vite
// proxies /graphql to it so the browser sees one origin, as in production.
const apiPort = process.env.PORT ?? "4000";

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: {
    port: Number(process.env.CLIENT_PORT ?? 5173),
    proxy: {
      "/graphql": `http://127.0.0.1:${apiPort}`,
      "/healthz": `http://127.0.0.1:${apiPort}`,
      "/readyz": `http://127.0.0.1:${apiPort}`,
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 700,
  },
});
