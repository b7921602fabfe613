// Checks an unpacked Teams app package the way Microsoft's tooling does, offline:
// the manifest against the JSON schema its $schema names (bundled in @microsoft/app-manifest),
// the ids that must be GUIDs, and the icons (present, PNG, 192x192 colour, 32x32 outline).
// Usage: node validate-manifest.cjs <folder with manifest.json and the icons>
// Prints {"errors": [...]} and exits 1 when there is any.
"use strict";
const fs = require("fs");
const path = require("path");
const { AppManifestUtils } = require("@microsoft/app-manifest");

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ICON_SIZES = { color: 192, outline: 32 };

function pngSize(file) {
  const bytes = fs.readFileSync(file);
  if (bytes.length < 24 || bytes.toString("latin1", 1, 4) !== "PNG") return null;
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

async function main(folder) {
  const errors = [];
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, "manifest.json"), "utf8"));
  for (const message of await AppManifestUtils.validateAgainstSchema(manifest)) {
    errors.push(`schema: ${message}`);
  }
  const ids = [["id", manifest.id], ...(manifest.bots || []).map((bot, i) => [`bots[${i}].botId`, bot.botId])];
  for (const [where, value] of ids) {
    if (!GUID.test(String(value))) errors.push(`${where} is not a GUID: ${value}`);
  }
  for (const [kind, size] of Object.entries(ICON_SIZES)) {
    const name = (manifest.icons || {})[kind];
    const file = name && path.join(folder, name);
    if (!file || !fs.existsSync(file)) {
      errors.push(`icons.${kind}: ${name} is not in the package`);
      continue;
    }
    const found = pngSize(file);
    if (!found) errors.push(`icons.${kind}: ${name} is not a PNG`);
    else if (found[0] !== size || found[1] !== size) {
      errors.push(`icons.${kind}: ${name} is ${found[0]}x${found[1]}, must be ${size}x${size}`);
    }
  }
  process.stdout.write(JSON.stringify({ errors }) + "\n");
  process.exitCode = errors.length ? 1 : 0;
}

main(process.argv[2]).catch((error) => {
  process.stdout.write(JSON.stringify({ errors: [`validator failed: ${error.message}`] }) + "\n");
  process.exitCode = 2;
});
