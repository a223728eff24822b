// @hey-api/openapi-ts's settings for clients/typescript/src. Run by scripts/clients.py (`make clients`, and
// `make lint`'s drift check), which names the contract and the output folder.
export default {
  input: process.env.CLIENTS_OPENAPI,
  output: {
    path: process.env.CLIENTS_TS_OUTPUT,
    // The package is ES modules for Node (NodeNext): relative imports need their `.js`.
    module: { extension: ".js" },
    tsConfigPath: null,
  },
  // Warnings and errors only: scripts/clients.py fails on anything printed.
  logs: { file: false, level: "warn" },
  // The fetch client is generated into the package, so it has no runtime dependencies.
  plugins: [{ name: "@hey-api/client-fetch", includeInEntry: true }, "@hey-api/typescript", "@hey-api/sdk"],
};
