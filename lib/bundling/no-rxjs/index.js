// Stands in for rxjs in the Lambda bundle of neo4j-driver (lib/lambda-bundling.ts): only the driver's
// reactive sessions (driver.rxSession) use rxjs, and this project never opens one. Loading the driver
// touches nothing here; calling any rxjs export says why it is missing.
module.exports = new Proxy(
  {},
  {
    get: (_, name) =>
      name === '__esModule'
        ? false
        : () => {
            throw new Error(`rxjs.${String(name)}: neo4j-driver reactive sessions are not bundled (lib/lambda-bundling.ts)`);
          },
  },
);
