// Copies the front-end libraries the pages use from node_modules into build/vendor,
// which Django's staticfiles serves (without their source-map comments). Run by `make assets` after `npm ci`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const vendor = [
  ["node_modules/htmx.org/dist/htmx.min.js", "htmx/htmx.min.js"],
  // the API's interactive docs (/api/v1/docs): Swagger UI served from our own static files
  ["node_modules/swagger-ui-dist/swagger-ui-bundle.js", "swagger-ui/swagger-ui-bundle.js"],
  ["node_modules/swagger-ui-dist/swagger-ui.css", "swagger-ui/swagger-ui.css"],
];

for (const [source, target] of vendor) {
  const destination = join("build", "vendor", target);
  mkdirSync(dirname(destination), { recursive: true });
  // The packages' source maps are not shipped: a reference to one would make production's
  // `collectstatic` (hashed names, ManifestStaticFilesStorage) fail on the missing .map file.
  const text = readFileSync(source, "utf8").replace(/\n?\/[*/]# sourceMappingURL=[^\n]*$/, "");
  writeFileSync(destination, text);
  console.log(`${source} -> ${destination}`);
}
