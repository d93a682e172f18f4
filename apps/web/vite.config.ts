import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * The newsroom app and the embedding example, built as two pages into `dist/`, which
 * `galley serve` serves (`/` and `/embed-example/`).
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL("index.html", import.meta.url)),
        embed: fileURLToPath(new URL("embed-example/index.html", import.meta.url)),
      },
    },
  },
  server: { port: 18200 },
});
